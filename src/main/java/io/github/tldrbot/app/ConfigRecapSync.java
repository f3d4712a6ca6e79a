package io.github.tldrbot.app;

import io.github.tldrbot.config.RecapEntryConfig;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.store.RecapScheduleStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the store's config recap schedules match the {@code recaps:} entries at start-up (config
 * as code, like {@link ConfigSubscriptionSync} for feeds): each entry is a schedule with source
 * {@code config}; config schedules no longer listed are removed; command schedules are never touched.
 * The cron was validated when the config was loaded.
 */
final class ConfigRecapSync {
    private static final Logger log = LoggerFactory.getLogger(ConfigRecapSync.class);

    private final RecapScheduleStore schedules;
    private final LongFunction<Optional<Long>> guildOfChannel;
    private final ShardSet shards;
    private final Clock clock;

    /** @param shards this process's shards: a channel it cannot see may be another process's, which records its guild */
    ConfigRecapSync(RecapScheduleStore schedules, LongFunction<Optional<Long>> guildOfChannel, ShardSet shards, Clock clock) {
        this.schedules = schedules;
        this.guildOfChannel = guildOfChannel;
        this.shards = shards;
        this.clock = clock;
    }

    void sync(List<RecapEntryConfig> entries) {
        Set<Long> keep = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            RecapEntryConfig entry = entries.get(i);
            long channelId = Long.parseLong(entry.channel());
            Optional<Long> guild = guildOfChannel.apply(channelId);
            if (guild.isEmpty() && !shards.ownsAll()) {
                log.info("recaps[{}]: channel {} is not on this process's shards ({}); the process of its guild's shard posts it",
                        i, channelId, shards.describe());
            } else if (guild.isEmpty()) {
                log.warn("recaps[{}]: channel {} is not visible to the bot (wrong id, or the bot is not in that server); "
                        + "this recap is skipped until it is", i, channelId);
            }
            keep.add(schedules.upsertConfig(guild.orElse(null), channelId, entry.period(), entry.audience(), entry.cron(),
                    clock.instant()));
        }
        int removed = schedules.deleteConfigSchedulesNotIn(keep);
        log.info("config recap schedules synced: schedules={} removed={}", keep.size(), removed);
    }
}
