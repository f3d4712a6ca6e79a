package io.github.tldrbot.usecase;

import io.github.tldrbot.config.RecapEntryConfig;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.store.Database;
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
 * Make the store's config recap schedules match the config file's {@code recaps:} at start-up (config
 * as code, like {@link SyncConfigFeeds}), in one transaction: each entry is a schedule with source
 * {@code config}; config schedules no longer listed are removed; command schedules are never touched.
 * The cron was validated when the config was loaded.
 */
public final class SyncConfigRecaps {
    private static final Logger log = LoggerFactory.getLogger(SyncConfigRecaps.class);

    private final Database database;
    private final RecapScheduleStore schedules;
    private final ShardSet shards;
    private final Clock clock;

    /** @param shards this process's shards: a channel it cannot see may be another process's, which records its guild */
    public SyncConfigRecaps(Database database, RecapScheduleStore schedules, ShardSet shards, Clock clock) {
        this.database = database;
        this.schedules = schedules;
        this.shards = shards;
        this.clock = clock;
    }

    /** @param guildOfChannel the guild a channel belongs to, as the bot sees it (empty: unknown channel) */
    public void run(List<RecapEntryConfig> entries, LongFunction<Optional<Long>> guildOfChannel) {
        List<Optional<Long>> guilds = entries.stream().map(e -> guildOfChannel.apply(Long.parseLong(e.channel()))).toList();
        database.transaction(() -> {
            Set<Long> keep = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                RecapEntryConfig entry = entries.get(i);
                long channelId = Long.parseLong(entry.channel());
                if (guilds.get(i).isEmpty() && !shards.ownsAll()) {
                    log.info("recaps[{}]: channel {} is not on this process's shards ({}); the process of its guild's shard posts it",
                            i, channelId, shards.describe());
                } else if (guilds.get(i).isEmpty()) {
                    log.warn("recaps[{}]: channel {} is not visible to the bot (wrong id, or the bot is not in that server); "
                            + "this recap is skipped until it is", i, channelId);
                }
                keep.add(schedules.upsertConfig(guilds.get(i).orElse(null), channelId, entry.period(), entry.audience(),
                        entry.cron(), clock.instant()));
            }
            int removed = schedules.deleteConfigSchedulesNotIn(keep);
            log.info("config recap schedules synced: schedules={} removed={}", keep.size(), removed);
            return null;
        });
    }
}
