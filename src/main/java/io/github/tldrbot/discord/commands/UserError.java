package io.github.tldrbot.discord.commands;

/**
 * Bad input from the person who ran a command. The message is shown to them as is (ephemerally):
 * one or two sentences that say what is wrong and how to fix it.
 */
public class UserError extends Exception {
    public UserError(String message) {
        super(message);
    }
}
