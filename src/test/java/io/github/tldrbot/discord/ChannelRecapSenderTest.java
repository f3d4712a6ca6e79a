package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;
import io.github.tldrbot.schedule.RecapJob;
import io.github.tldrbot.schedule.RecapScheduler;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.testing.discord.BotOverwrite;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.FakeDiscordJda;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled recaps end to end on the Discord side: a stored schedule's trigger fires, the real
 * sender posts the recap page into the channel through the real JDA, and a bot restarted on the
 * same database fires it again. The page itself is a stand-in function (the recap content is
 * tested with its own package).
 */
class ChannelRecapSenderTest {
    static final long GUILD = 100;
    static final long RECAPS = 101;
    static final long MUTED = 102;
    static final long GONE = 999;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private JDA jda;
    private Database db;
    private RecapScheduler scheduler;
    private final Function<RecapRequest, MessageCreateData> page =
            r -> MessageCreateData.fromContent("recap " + r.period() + " audience=" + r.audience() + " limit=" + r.limit());

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.builder().token("t").botUser(10, "bot")
                .guild(g -> g.id(GUILD).name("G").textChannel(RECAPS, "recaps")
                        .textChannel(MUTED, "muted", BotOverwrite.deny(Permission.MESSAGE_SEND)))
                .build().start();
        jda = FakeDiscordJda.connect(discord);
    }

    @AfterEach
    void stop() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        if (db != null) {
            db.close();
        }
        jda.shutdown();
        jda.awaitShutdown(Duration.ofSeconds(5));
        discord.close();
    }

    private RecapScheduleStore openStore() {
        db = new Database("jdbc:sqlite:" + dir.resolve("bot.db"));
        return new RecapScheduleStore(db);
    }

    private void startScheduler(RecapScheduleStore store) {
        Clock clock = Clock.systemUTC();
        scheduler = new RecapScheduler(store, new RecapJob(store, new ChannelRecapSender(jda, page, Duration.ofSeconds(10)), clock), clock);
        scheduler.start();
    }

    private long posts(long channel) {
        return discord.requests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("channels/" + channel + "/messages")).count();
    }

    @Test
    void aScheduledRecapIsPostedIntoItsChannelAndAgainAfterARestart() throws Exception {
        RecapScheduleStore store = openStore();
        store.upsertConfig(GUILD, RECAPS, "week", "security", "*/2 * * * * ?", Instant.now());
        startScheduler(store);
        await().atMost(Duration.ofSeconds(15)).until(() -> !discord.messages(RECAPS).isEmpty());
        ObjectNode first = discord.messages(RECAPS).get(0);
        assertThat(first.path("content").asText()).isEqualTo("recap " + RecapPeriod.WEEK + " audience=security limit=10");

        scheduler.close();
        db.close();
        jda.shutdown();
        jda.awaitShutdown(Duration.ofSeconds(5));
        int before = discord.messages(RECAPS).size();

        jda = FakeDiscordJda.connect(discord);
        startScheduler(openStore());
        await().atMost(Duration.ofSeconds(15)).until(() -> discord.messages(RECAPS).size() > before);
    }

    @Test
    void aChannelWithoutSendPermissionOrAGoneChannelIsSkippedWithoutARequestAndTheRunIsStillRecorded() throws Exception {
        RecapScheduleStore store = openStore();
        long muted = store.upsertConfig(GUILD, MUTED, "day", null, "*/1 * * * * ?", Instant.now());
        long gone = store.upsertConfig(GUILD, GONE, "day", null, "*/1 * * * * ?", Instant.now());
        store.upsertConfig(GUILD, RECAPS, "day", null, "*/1 * * * * ?", Instant.now());
        startScheduler(store);
        await().atMost(Duration.ofSeconds(15)).until(() -> store.findById(muted).orElseThrow().lastRunAt() != null
                && store.findById(gone).orElseThrow().lastRunAt() != null && !discord.messages(RECAPS).isEmpty());
        assertThat(posts(MUTED)).isZero();
        assertThat(posts(GONE)).isZero();
        assertThat(discord.messages(RECAPS)).isNotEmpty();
    }

    @Test
    void theSenderAloneSkipsAChannelOfAnotherGuild() {
        new ChannelRecapSender(jda, page, Duration.ofSeconds(5))
                .send(GUILD + 1, RECAPS, new RecapRequest(GUILD + 1, RecapPeriod.DAY, null, null, null, 10, Instant.now()));
        assertThat(posts(RECAPS)).isZero();
        new ChannelRecapSender(jda, page, Duration.ofSeconds(5))
                .send(GUILD, RECAPS, new RecapRequest(GUILD, RecapPeriod.DAY, null, null, null, 10, Instant.now()));
        assertThat(discord.messages(RECAPS)).extracting(m -> m.path("content").asText()).containsExactly("recap " + RecapPeriod.DAY + " audience=null limit=10");
        assertThat(posts(RECAPS)).isEqualTo(1);
    }
}
