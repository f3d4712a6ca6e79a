package io.github.tldrbot.config;

/** The configuration is unusable. The message names the key and says how to fix it (exit code 2). */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
