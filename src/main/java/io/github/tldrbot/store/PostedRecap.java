package io.github.tldrbot.store;

/**
 * A recap message the bot posted: where it is, so a card can link it.
 *
 * @param messageId Discord's id of the posted message
 */
public record PostedRecap(long guildId, long channelId, long messageId) {

    /** The message's Discord link (opens the channel at the message in every client). */
    public String link() {
        return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
    }
}
