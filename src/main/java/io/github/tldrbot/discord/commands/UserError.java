package io.github.tldrbot.discord.commands;

import io.github.tldrbot.usecase.Refused;

/**
 * Bad input from the person who ran a command, found while reading the options (a use case's own
 * refusals are {@link Refused}, which this extends). The message is shown to them as is
 * (ephemerally): one or two sentences that say what is wrong and how to fix it.
 */
public class UserError extends Refused {
    public UserError(String message) {
        super(message);
    }
}
