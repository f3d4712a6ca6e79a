package io.github.tldrbot.store;

/**
 * The webhook the bot created in a channel. {@code token} is a secret (anyone holding it can post
 * there): never log it; {@link #toString()} leaves it out.
 */
public record ChannelWebhook(long channelId, long webhookId, String token) {
    @Override
    public String toString() {
        return "ChannelWebhook[channelId=" + channelId + ", webhookId=" + webhookId + ", token=***]";
    }
}
