package io.github.tldrbot.discord;

import io.github.tldrbot.recap.RecapRequest;
import io.github.tldrbot.recap.ScheduledRecapSender;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a scheduled recap (SPEC §8.2) into its channel through JDA: the first page of the same
 * message {@code /recap} shows. A channel that is gone or where the bot may not post is skipped
 * with a WARN (the schedule stays; it works again once the permissions are fixed); a send Discord
 * refuses is logged the same way. It never throws for Discord-side reasons, so a bad channel cannot
 * disturb the other schedules.
 */
public final class ChannelRecapSender implements ScheduledRecapSender {
    private static final Logger log = LoggerFactory.getLogger(ChannelRecapSender.class);

    private final IGuildChannelContainer<Channel> channels;
    private final Function<RecapRequest, MessageCreateData> firstPage;
    private final Duration sendTimeout;

    /**
     * @param channels  where channels are looked up: the shard manager (every shard of this process) or one JDA
     * @param firstPage the recap message for a request (production: {@code RecapMessages::firstPage})
     */
    public ChannelRecapSender(IGuildChannelContainer<Channel> channels, Function<RecapRequest, MessageCreateData> firstPage, Duration sendTimeout) {
        this.channels = channels;
        this.firstPage = firstPage;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public OptionalLong send(long guildId, long channelId, RecapRequest request) {
        GuildMessageChannel channel = channels.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null || channel.getGuild().getIdLong() != guildId) {
            log.warn("scheduled recap skipped: guild={} channel={} reason=channel gone or not visible to the bot", guildId, channelId);
            return OptionalLong.empty();
        }
        List<Permission> missing = ChannelAccess.missing(channel);
        if (!missing.isEmpty()) {
            log.warn("scheduled recap skipped: guild={} channel={} reason=missing permissions {}", guildId, channelId,
                    ChannelAccess.names(missing));
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(channel.sendMessage(firstPage.apply(request)).submit()
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS).getIdLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("scheduled recap refused by Discord: guild={} channel={} error={}", guildId, channelId, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("scheduled recap timed out: guild={} channel={} timeout={}", guildId, channelId, sendTimeout);
        }
        return OptionalLong.empty();
    }
}
