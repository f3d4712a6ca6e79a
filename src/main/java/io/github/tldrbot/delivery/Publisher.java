package io.github.tldrbot.delivery;

import io.github.tldrbot.store.SubscriptionTarget;
import java.util.Optional;

/**
 * Sends card messages to a chat service. The only implementation talks to Discord through JDA
 * ({@code discord/}); the delivery worker and its tests see only this interface. Implementations
 * are thread-safe and never throw for anything the service answers: every outcome is a value.
 */
public interface Publisher {

    /**
     * Sends one message and waits for the service's answer. Called from the delivery worker's
     * channel lanes; blocking here holds up only this channel.
     */
    SendResult send(OutgoingMessage message);

    /**
     * Replaces the content and embed of a message this bot posted (a story card that gained a
     * source, SPEC §6.2a). Repeating an edit is harmless: it writes the same content again. A
     * message that no longer exists answers {@link SendResult.Gone}.
     */
    SendResult edit(long channelId, String messageId, OutgoingMessage message);

    /**
     * Whether a repeated {@link #send} of the same nonce to this channel and target is recognised by
     * the service and answered with the earlier message (SPEC §6.2). Where it is not (Discord
     * ignores the nonce of a webhook execute and of a forum post), crash recovery first looks for the
     * message with {@link #findRecentMessage} however recent the interrupted send.
     */
    default boolean recognisesRepeats(long channelId, SubscriptionTarget target) {
        return true;
    }

    /**
     * Looks through the channel's recent messages for one this bot posted for {@code articleLink}
     * (the embed's URL): settles an old doubt when a crash happened after a send and before its
     * message id was recorded, too long ago for the nonce to protect us. Empty when not found or
     * the history cannot be read.
     */
    Optional<String> findRecentMessage(long channelId, String articleLink);

    /**
     * The guild of a channel this process can see (its shards' guilds, SPEC §13); empty for a
     * channel it cannot see — deleted, in a server the bot left, or on another process's shard.
     */
    Optional<Long> guildOf(long channelId);

    /**
     * Posts a one-line notice to a guild (a paused subscription, a disabled feed): in
     * {@code preferredChannelId} when the bot can post there, else in the guild's system channel.
     * Returns false when neither is possible.
     */
    boolean announce(long guildId, long preferredChannelId, String text);
}
