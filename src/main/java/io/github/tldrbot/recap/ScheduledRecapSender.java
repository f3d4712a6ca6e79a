package io.github.tldrbot.recap;

import java.util.OptionalLong;

/**
 * Posts a scheduled recap (SPEC §8.2) into a channel. The scheduler decides when; the Discord side
 * (discord/ChannelRecapSender) decides how, so scheduling is tested without Discord.
 */
public interface ScheduledRecapSender {
    /**
     * Posts the recap for {@code request} to the channel; skips (and logs) a channel the bot cannot post in.
     *
     * @return the id of the posted message; empty when nothing was posted
     */
    OptionalLong send(long guildId, long channelId, RecapRequest request);
}
