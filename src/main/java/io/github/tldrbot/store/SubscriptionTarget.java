package io.github.tldrbot.store;

/**
 * How a subscription's cards are posted in its channel (SPEC §6.5), beyond the channel's own kind
 * (text, announcement or forum, which Discord knows): whether each card starts a thread, and the
 * name and avatar its cards are posted with through the channel's webhook.
 *
 * @param thread        each card message starts a public thread named after its title (text channels)
 * @param webhookName   post through the channel's webhook under this name; null = post as the bot
 * @param webhookAvatar the webhook post's avatar (an http(s) URL), or null for the webhook's default
 */
public record SubscriptionTarget(boolean thread, String webhookName, String webhookAvatar) {
    /** Posted as the bot, no thread: what every subscription made before V15 does. */
    public static final SubscriptionTarget PLAIN = new SubscriptionTarget(false, null, null);

    public SubscriptionTarget {
        webhookName = blankToNull(webhookName);
        webhookAvatar = webhookName == null ? null : blankToNull(webhookAvatar);
    }

    public boolean viaWebhook() {
        return webhookName != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
