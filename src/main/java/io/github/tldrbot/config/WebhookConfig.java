package io.github.tldrbot.config;

/**
 * A {@code feeds:} entry's {@code webhook: {name, avatar?}}: its cards are posted through the
 * channel's webhook under this name and avatar (SPEC §6.5).
 *
 * @param avatar http(s) URL of the avatar image, or null for the webhook's default
 */
public record WebhookConfig(String name, String avatar) {
}
