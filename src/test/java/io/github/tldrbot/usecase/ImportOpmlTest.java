package io.github.tldrbot.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlReader;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.StoreTest;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.usecase.ImportReport.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ImportOpml} and {@link ExportOpml} on both stores: per-line results, the guild limit, duplicates, a big file. */
class ImportOpmlTest {
    private static final long GUILD = 1L << 22;
    private static final long CHANNEL = 100;
    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");
    /** Nothing here may be fetched: a handle page would need a fetcher, and none is given. */
    private static final PlatformUrls NO_FETCH = new PlatformUrls(null);

    private static UseCases useCases(Database db, int limit) {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("limits: {feedsPerGuild: " + limit + "}\n", "import-test");
        return UseCases.of(config, db, RecapScheduleChanges.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<OpmlEntry> opml(String outlines) throws Exception {
        return new OpmlReader().read(("<opml version=\"2.0\"><head/><body>\n" + outlines + "\n</body></opml>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static ImportReport importInto(UseCases cases, Long guild, List<OpmlEntry> entries) {
        return cases.importOpml().run(new ImportOpml.Request(guild, CHANNEL, "<#" + CHANNEL + ">", entries), NO_FETCH);
    }

    @StoreTest
    void everyEntryGetsItsOwnResult(Database db) throws Exception {
        UseCases cases = useCases(db, 10);
        cases.subscribe().runUnfetched(GUILD, CHANNEL, "<#100>", "https://known.example/feed", SubscriptionSource.COMMAND);
        ImportReport report = importInto(cases, GUILD, opml("""
                <outline text="A" xmlUrl="https://a.example/feed"/>
                <outline text="Known" xmlUrl="https://known.example/feed"/>
                <outline text="A again" xmlUrl="https://a.example/feed"/>
                <outline text="FTP" xmlUrl="ftp://files.example/feed"/>
                <outline text="Loopback" xmlUrl="http://127.0.0.1:8080/feed"/>
                <outline text="Intranet" xmlUrl="http://wiki.internal/rss"/>
                <outline text="Broken" xmlUrl="https://exa mple.org/feed"/>
                <outline text="Repo" xmlUrl="https://github.com/rometools/rome"/>"""));

        assertThat(report.lines()).extracting(ImportReport.Line::line, ImportReport.Line::outcome, ImportReport.Line::feedUrl)
                .containsExactly(
                        tuple(2, Outcome.SUBSCRIBED, "https://a.example/feed"),
                        tuple(3, Outcome.ALREADY_SUBSCRIBED, "https://known.example/feed"),
                        tuple(4, Outcome.DUPLICATE, "https://a.example/feed"),
                        tuple(5, Outcome.INVALID, null),
                        tuple(6, Outcome.INVALID, null),
                        tuple(7, Outcome.INVALID, null),
                        tuple(8, Outcome.INVALID, null),
                        tuple(9, Outcome.SUBSCRIBED, "https://github.com/rometools/rome/releases.atom"));
        assertThat(report.lines().get(2).describe()).isEqualTo("line 4: duplicate in the file https://a.example/feed — the same feed as line 2");
        assertThat(report.lines().get(3).describe()).contains("'ftp://files.example/feed' is not an http(s) URL");
        assertThat(report.lines().get(4).describe()).contains("127.0.0.1 is a loopback address; feeds on private or local networks are not allowed");
        assertThat(report.lines().get(5).describe()).contains("wiki.internal is a local name");
        assertThat(report.lines().get(7).describe())
                .isEqualTo("line 9: subscribed https://github.com/rometools/rome/releases.atom"
                        + " (GitHub releases of rometools/rome → https://github.com/rometools/rome/releases.atom)");
        assertThat(report.summary()).isEqualTo("2 subscribed, 1 already subscribed, 1 duplicate in the file, 4 invalid");
        assertThat(new SubscriptionStore(db).listForChannel(CHANNEL)).extracting(Subscription::source)
                .containsOnly(SubscriptionSource.COMMAND).hasSize(3);
    }

    @StoreTest
    void newFeedsAreLeftForTheirFirstPollToSeed(Database db) throws Exception {
        ImportReport report = importInto(useCases(db, 10), GUILD, opml("<outline text=\"A\" xmlUrl=\"https://a.example/feed\"/>"));
        FeedRecord feed = new FeedStore(db).findByUrl("https://a.example/feed").orElseThrow();
        assertThat(report.count(Outcome.SUBSCRIBED)).isEqualTo(1);
        assertThat(feed.seeded()).as("the first poll stores its articles and posts none").isFalse();
        assertThat(feed.nextPollAt()).as("due at once").isEqualTo(NOW);
        assertThat(new ArticleStore(db).listPendingPosts()).isEmpty();
    }

    @StoreTest
    void entriesPastTheGuildLimitAreReportedAndNotSubscribed(Database db) throws Exception {
        UseCases cases = useCases(db, 2);
        cases.subscribe().runUnfetched(GUILD, CHANNEL + 1, "<#101>", "https://other-channel.example/feed", SubscriptionSource.COMMAND);
        ImportReport report = importInto(cases, GUILD, opml("""
                <outline text="A" xmlUrl="https://a.example/feed"/>
                <outline text="B" xmlUrl="https://b.example/feed"/>
                <outline text="C" xmlUrl="https://c.example/feed"/>
                <outline text="Other channel's feed" xmlUrl="https://other-channel.example/feed"/>"""));
        assertThat(report.lines()).extracting(ImportReport.Line::outcome)
                .containsExactly(Outcome.SUBSCRIBED, Outcome.OVER_LIMIT, Outcome.OVER_LIMIT, Outcome.SUBSCRIBED);
        assertThat(report.problems()).hasSize(2).first().extracting(ImportReport.Line::detail).asString()
                .contains("limits.feedsPerGuild = 2");
        assertThat(new FeedStore(db).findByUrl("https://b.example/feed")).isEmpty();
        assertThat(new SubscriptionStore(db).listForGuild(GUILD)).hasSize(3);
    }

    @StoreTest
    void withoutAGuildTheChannelsEarlierGuildIsUsedElseItStaysUnknown(Database db) throws Exception {
        UseCases cases = useCases(db, 10);
        importInto(cases, null, opml("<outline text=\"A\" xmlUrl=\"https://a.example/feed\"/>"));
        assertThat(new SubscriptionStore(db).listForChannel(CHANNEL)).extracting(Subscription::guildId).containsExactly((Long) null);
        cases.subscribe().runUnfetched(GUILD, CHANNEL, "<#100>", "https://b.example/feed", SubscriptionSource.COMMAND);
        importInto(cases, null, opml("<outline text=\"C\" xmlUrl=\"https://c.example/feed\"/>"));
        long c = new FeedStore(db).findByUrl("https://c.example/feed").orElseThrow().id();
        assertThat(new SubscriptionStore(db).findByChannelAndFeed(CHANNEL, c).orElseThrow().guildId()).isEqualTo(GUILD);
    }

    @StoreTest
    void aThousandEntryFileIsSubscribedWithoutFetchingAnything(Database db) throws Exception {
        StringBuilder outlines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            outlines.append("<outline type=\"rss\" text=\"Feed ").append(i).append("\" xmlUrl=\"https://feed").append(i)
                    .append(".example/rss\"/>\n");
        }
        ImportReport report = importInto(useCases(db, 1000), GUILD, opml(outlines.toString()));
        assertThat(report.count(Outcome.SUBSCRIBED)).isEqualTo(1000);
        assertThat(new SubscriptionStore(db).listForGuild(GUILD)).hasSize(1000);
        assertThat(new FeedStore(db).listAll()).hasSize(1000).noneMatch(FeedRecord::seeded);
    }

    @StoreTest
    void exportWritesTheGuildsSubscriptionsAsOpmlThatImportsBack(Database db) throws Exception {
        UseCases cases = useCases(db, 10);
        cases.subscribe().runUnfetched(GUILD, CHANNEL, "<#100>", "https://a.example/feed", SubscriptionSource.COMMAND);
        cases.subscribe().runUnfetched(GUILD, CHANNEL + 1, "<#101>", "https://b.example/feed", SubscriptionSource.COMMAND);
        cases.subscribe().runUnfetched(GUILD + (1L << 22), 900, "<#900>", "https://elsewhere.example/feed", SubscriptionSource.COMMAND);

        ExportOpml.Export export = cases.exportOpml().run(Optional.of(GUILD), id -> "#channel-" + id);

        assertThat(export.entries()).isEqualTo(2);
        List<OpmlEntry> back = new OpmlReader().read(export.opml());
        assertThat(back).extracting(OpmlEntry::xmlUrl, OpmlEntry::category).containsExactly(
                tuple("https://a.example/feed", "#channel-100"), tuple("https://b.example/feed", "#channel-101"));
        List<OpmlEntry> all = new OpmlReader().read(cases.exportOpml().run(Optional.empty(), id -> "channel " + id).opml());
        assertThat(new ArrayList<>(all)).hasSize(3);
    }
}
