package io.github.tldrbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for a subscription's webhook name and avatar (SPEC §6.5), shared by the config file's
 * {@code webhook:} and {@code /feed add}/{@code /feed filter}, so both refuse the same values with
 * the same reason. Discord rejects a webhook post whose name is longer than 80 characters or holds
 * "discord" or "clyde"; checked here, the mistake is reported when it is made instead of pausing
 * the subscription at its first card.
 */
public final class WebhookStyle {
    /** Discord's limit for a webhook post's username. */
    public static final int MAX_NAME = 80;

    private WebhookStyle() {
    }

    /** What is wrong with the name, or empty when Discord accepts it. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("is empty; give the name the cards are posted under, e.g. \"Release Radar\"");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME) {
            return Optional.of("is " + n.length() + " characters long; Discord allows at most " + MAX_NAME);
        }
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.contains("discord") || lower.contains("clyde")) {
            return Optional.of("'" + n + "' contains \"discord\" or \"clyde\", which Discord refuses in webhook names");
        }
        return Optional.empty();
    }

    /** What is wrong with the avatar URL, or empty when it is an absolute http(s) URL. */
    public static Optional<String> avatarProblem(String avatar) {
        String a = avatar == null ? "" : avatar.strip();
        try {
            URI uri = new URI(a);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of("'" + a + "' is not an http(s) URL of an image, e.g. https://example.org/logo.png");
    }
}
