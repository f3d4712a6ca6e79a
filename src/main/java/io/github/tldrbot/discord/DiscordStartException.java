package io.github.tldrbot.discord;

/** The bot could not connect to Discord. The message is one line for the operator and never holds the token. */
public class DiscordStartException extends Exception {
    public DiscordStartException(String message) {
        super(message);
    }
}
