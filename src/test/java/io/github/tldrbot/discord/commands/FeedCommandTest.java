package io.github.tldrbot.discord.commands;

import static io.github.tldrbot.discord.commands.FeedCommandFixture.GENERAL;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.GUILD;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.MUTED;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.OTHER;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.OTHER_GUILD_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.poll.RefreshOutcome;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.Interactions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /feed} against the Discord stand-in with the real JDA, fetcher, parser and SQLite (SPEC §7). */
@ExtendWith(QuickAwaitility.class)
class FeedCommandTest {
    @TempDir
    Path dir;
    private LiveFeed wire;
    private StaticSite site;
    private FeedCommandFixture bot;


    @BeforeEach
    void setUp() throws Exception {
        wire = new LiveFeed("Example Wire");
        wire.add("a-1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.")
                .add("a-2", "Gizmo 3.1 patches CVE-2026-1111", "A vulnerability was fixed in Gizmo. Update to 3.1 now.");
        site = new StaticSite()
                .page("/blog", "text/html; charset=utf-8", """
                        <!doctype html><html><head><title>Blog</title>
                        <link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml">
                        <link rel="alternate" type="application/atom+xml" title="Comments" href="comments.atom">
                        </head><body><p>Hello</p></body></html>""")
                .page("/posts.xml", "application/rss+xml", """
                        <?xml version="1.0"?><rss version="2.0"><channel><title>Site Posts</title><link>https://site.example/</link>
                        <item><title>First post</title><link>https://site.example/1</link><guid>p1</guid>
                        <description>The first post explains the project and its goals.</description></item>
                        </channel></rss>""")
                .page("/plain", "text/html", "<html><head><title>No feeds here</title></head><body>hi</body></html>")
                .page("/broken.xml", "application/rss+xml", "this is not a feed at all {")
                .page("/empty.xml", "application/rss+xml",
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
        wire.close();
        site.close();
    }

    private FeedCommandFixture start(boolean allowPrivate, String extraYaml) throws Exception {
        bot = new FeedCommandFixture(dir, allowPrivate, extraYaml);
        return bot;
    }

    private FeedCommandFixture start() throws Exception {
        return start(true, "");
    }

    /** Sends the command, checks it was acknowledged ephemerally (the reply edits that), returns the final reply. */
    private static ObjectNode reply(Interactions.Builder command) {
        Interactions.Sent sent = command.send();
        assertThat(sent.ephemeral()).as("moderator replies are ephemeral").isTrue();
        return sent.awaitReply();
    }

    private static String text(Interactions.Builder command) {
        return reply(command).path("content").asText();
    }

    private String addWire() {
        return text(bot.feed("add").string("url", wire.url()));
    }

    private long feedId(String url) {
        return bot.feeds.findByUrl(url).orElseThrow().id();
    }

    // ---- registration

    @Test
    void feedIsRegisteredAsOneModeratorOnlyGuildCommandWithTheSpecSubcommands() throws Exception {
        start();
        assertThat(bot.discord.requests()).anyMatch(r -> r.method().equals("PUT") && r.path().endsWith("/commands"));
        ObjectNode feed = bot.discord.commands(null).stream().filter(c -> c.path("name").asText().equals("feed")).findFirst().orElseThrow();
        assertThat(feed.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(feed.path("contexts")).hasSize(1);
        assertThat(feed.path("contexts").get(0).asText()).isEqualTo("0");
        List<String> subs = new java.util.ArrayList<>();
        feed.path("options").forEach(o -> subs.add(o.path("name").asText()));
        assertThat(subs).containsExactly("add", "remove", "list", "filter", "status", "preview", "why", "pause", "resume", "test", "import", "export");
        ObjectNode add = (ObjectNode) feed.path("options").get(0);
        List<String> addOptions = new java.util.ArrayList<>();
        add.path("options").forEach(o -> addOptions.add(o.path("name").asText()));
        assertThat(addOptions).containsExactly("url", "channel", "audience", "include", "exclude", "full-text", "thread",
                "webhook-name", "webhook-avatar");
        List<String> fullTextChoices = new java.util.ArrayList<>();
        add.path("options").get(5).path("choices").forEach(c -> fullTextChoices.add(c.path("value").asText()));
        assertThat(fullTextChoices).containsExactly("auto", "always", "never");
    }

    // ---- add: happy paths

    @Test
    void addSubscribesThisChannelSeedsWithoutPostingAndShowsTheNewestCard() throws Exception {
        start();
        ObjectNode message = reply(bot.feed("add").string("url", wire.url()));
        assertThat(message.path("content").asText()).contains("<#" + GENERAL + "> now follows **Example Wire**")
                .contains("2 current articles are stored as already seen");
        assertThat(message.path("embeds")).hasSize(1);
        assertThat(message.path("embeds").get(0).path("url").asText()).isEqualTo(wire.link("a-2"));

        FeedRecord feed = bot.feeds.findByUrl(wire.url()).orElseThrow();
        assertThat(feed.seeded()).isTrue();
        assertThat(feed.title()).isEqualTo("Example Wire");
        assertThat(bot.articles.listByFeed(feed.id(), 10)).hasSize(2);
        Subscription sub = bot.subscriptions.findByChannelAndFeed(GENERAL, feed.id()).orElseThrow();
        assertThat(sub.guildId()).isEqualTo(GUILD);
        assertThat(sub.source()).isEqualTo(SubscriptionSource.COMMAND);
        assertThat(sub.audience()).isNull();
        assertThat(bot.discord.messages(GENERAL)).isEmpty();
    }

    @Test
    void theSeededFeedPostsNothingOnTheNextPollThenExactlyTheNewArticle() throws Exception {
        start();
        addWire();
        List<PostedCard> posted = new CopyOnWriteArrayList<>();
        FeedRefresher refresher = new FeedRefresher(bot.fetcher, bot.parser::parse, bot.feeds, bot.articles,
                new NewArticlePoster(bot.summarizer, bot.cards, posted::add, Clock.systemUTC()),
                new PollIntervalPolicy(bot.config.polling()), bot.config.polling(), Clock.systemUTC());
        long id = feedId(wire.url());

        RefreshOutcome first = refresher.refresh(bot.feeds.findById(id).orElseThrow());
        assertThat(first.status()).isEqualTo(RefreshOutcome.Status.UPDATED);
        assertThat(first.posted()).isZero();
        assertThat(posted).isEmpty();

        wire.add("a-3", "Widget 2.1 fixes a crash", "Widget 2.1 fixes a crash on start. Upgrade when convenient.");
        RefreshOutcome second = refresher.refresh(bot.feeds.findById(id).orElseThrow());
        assertThat(second.posted()).isEqualTo(1);
        assertThat(posted).singleElement().satisfies(card -> {
            assertThat(card.seedSample()).isFalse();
            assertThat(card.article().link()).isEqualTo(wire.link("a-3"));
        });
    }

    @Test
    void addToAnotherChannelWithFiltersStoresThem() throws Exception {
        start();
        String text = text(bot.feed("add").string("url", wire.url()).channel("channel", OTHER, "other")
                .string("audience", "Security").string("include", "cve, /gizmo \\d/").string("exclude", "sponsored"));
        assertThat(text).contains("<#" + OTHER + "> now follows").contains("audience: `security`");
        Subscription sub = bot.subscriptions.findByChannelAndFeed(OTHER, feedId(wire.url())).orElseThrow();
        assertThat(sub.audience()).isEqualTo("security");
        assertThat(sub.include()).isEqualTo("cve, /gizmo \\d/");
        assertThat(sub.exclude()).isEqualTo("sponsored");
    }

    @Test
    void fullTextChoiceIsStoredWithTheSubscriptionAndShownByList() throws Exception {
        start();
        String text = text(bot.feed("add").string("url", wire.url()).string("full-text", "always"));
        assertThat(text).contains("now follows").contains("full-text: always");
        assertThat(bot.subscriptions.findByChannelAndFeed(GENERAL, feedId(wire.url())).orElseThrow().fullText())
                .isEqualTo(FullTextMode.ALWAYS);
        assertThat(bot.subscriptions.fullTextModeOf(feedId(wire.url()))).isEqualTo(FullTextMode.ALWAYS);
        assertThat(text(bot.feed("list"))).contains("full-text: always");

        text(bot.feed("add").string("url", wire.url()).channel("channel", OTHER, "other"));
        assertThat(bot.subscriptions.findByChannelAndFeed(OTHER, feedId(wire.url())).orElseThrow().fullText())
                .as("default").isEqualTo(FullTextMode.AUTO);
    }

    @Test
    void aWebPageIsSearchedForItsAdvertisedFeeds() throws Exception {
        start();
        ObjectNode message = reply(bot.feed("add").string("url", site.url("/blog")));
        String text = message.path("content").asText();
        assertThat(text).contains("now follows **Site Posts**").contains("web page").contains(site.url("/comments.atom"));
        assertThat(bot.feeds.findByUrl(site.url("/posts.xml"))).isPresent();
        assertThat(bot.feeds.findByUrl(site.url("/blog"))).isEmpty();
        assertThat(message.path("embeds").get(0).path("url").asText()).isEqualTo("https://site.example/1");
    }

    @Test
    void aFeedAlreadyPolledForAnotherGuildIsNotSeededAgain() throws Exception {
        start();
        text(bot.otherGuildUi.slash("feed").sub("add").string("url", wire.url()).moderator());
        long id = feedId(wire.url());
        Instant firstSuccess = bot.feeds.findById(id).orElseThrow().lastSuccessAt();
        wire.add("a-3", "Arrived between the two adds", "This one must still be posted to both servers later.");
        addWire();
        assertThat(bot.feeds.findById(id).orElseThrow().lastSuccessAt()).isEqualTo(firstSuccess);
        assertThat(bot.articles.listByFeed(id, 10)).hasSize(2);
        assertThat(bot.subscriptions.listAllForFeed(id)).extracting(Subscription::channelId)
                .containsExactlyInAnyOrder(GENERAL, OTHER_GUILD_CHANNEL);
    }

    @Test
    void reAddingADisabledFeedThatFetchesFineMakesItActiveAgain() throws Exception {
        start();
        text(bot.otherGuildUi.slash("feed").sub("add").string("url", wire.url()).moderator());
        long id = feedId(wire.url());
        bot.feeds.disable(id, "disabled after 10 consecutive failures; last error: HTTP 500");
        assertThat(addWire()).contains("now follows").contains("had been disabled (disabled after 10 consecutive failures")
                .contains("polled again");
        FeedRecord feed = bot.feeds.findById(id).orElseThrow();
        assertThat(feed.status()).isEqualTo(io.github.tldrbot.store.FeedStatus.ACTIVE);
        assertThat(feed.disabledReason()).isNull();
        assertThat(feed.consecutiveFailures()).isZero();
    }

    @Test
    void anOverlongUrlStillGetsAShortAnswer() throws Exception {
        start();
        String text = text(bot.feed("add").string("url", "https://example.org/" + "a".repeat(5000) + " b"));
        assertThat(text).startsWith("⚠️ '").contains("https://example.org/aaa").endsWith("…");
        assertThat(text.length()).isLessThanOrEqualTo(2000);
    }

    // ---- add: every error of SPEC §7

    @Test
    void malformedUrlsAreRefusedBeforeAnyRequest() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", "http://exa mple.org/feed"))).startsWith("⚠️ ").contains("is not a valid URL");
        assertThat(text(bot.feed("add").string("url", "example.org/feed.xml"))).contains("not a full URL").contains("https://");
        assertThat(bot.feeds.listAll()).isEmpty();
    }

    @Test
    void nonHttpSchemesAreRefused() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", "ftp://example.org/feed.xml")))
                .isEqualTo("⚠️ Only http and https feeds can be followed, not ftp: URLs; give an https:// address.");
        assertThat(text(bot.feed("preview").string("url", "file:///etc/passwd"))).contains("Only http and https");
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() throws Exception {
        start(false, "");
        String text = text(bot.feed("add").string("url", wire.url()));
        assertThat(text).startsWith("⚠️ That address is on a private network").contains("not allowed");
        assertThat(bot.feeds.listAll()).isEmpty();
    }

    @Test
    void anUnreachableHostIsExplained() throws Exception {
        start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String text = text(bot.feed("add").string("url", "http://127.0.0.1:" + closedPort + "/feed.xml"));
        assertThat(text).startsWith("⚠️ Could not reach 127.0.0.1").contains("connection refused");
    }

    @Test
    void anHttpErrorIsExplained() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", site.url("/missing.xml")))).startsWith("⚠️ The site answered with an error")
                .contains("HTTP 404");
    }

    @Test
    void aPageWithoutFeedIsExplained() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", site.url("/plain")))).contains("advertises no RSS or Atom feed");
    }

    @Test
    void aFeedThatDoesNotParseIsExplained() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", site.url("/broken.xml")))).contains("is not a feed that can be read");
        assertThat(bot.feeds.listAll()).isEmpty();
    }

    @Test
    void aDuplicateSubscriptionIsRefused() throws Exception {
        start();
        addWire();
        assertThat(addWire()).startsWith("⚠️ <#" + GENERAL + "> already gets").contains("/feed filter");
        assertThat(bot.subscriptions.listForGuild(GUILD)).hasSize(1);
    }

    @Test
    void theGuildFeedLimitCountsDistinctFeeds() throws Exception {
        start(true, "limits: {feedsPerGuild: 1}");
        addWire();
        assertThat(text(bot.feed("add").string("url", site.url("/posts.xml"))))
                .contains("already follows 1 feeds, its limit (limits.feedsPerGuild = 1)");
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", OTHER, "other"))).contains("now follows");
        assertThat(text(bot.otherGuildUi.slash("feed").sub("add").string("url", site.url("/posts.xml")).moderator()))
                .contains("now follows");
    }

    @Test
    void anUnknownAudienceListsTheConfiguredOnes() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", wire.url()).string("audience", "astronauts")))
                .startsWith("⚠️ Unknown audience 'astronauts'. Pick one of: developers, researchers")
                .contains("security");
        assertThat(bot.feeds.listAll()).isEmpty();
    }

    @Test
    void anInvalidRegexIsRefusedWithTheFilterMessage() throws Exception {
        start();
        assertThat(text(bot.feed("add").string("url", wire.url()).string("include", "/[a-/")))
                .startsWith("⚠️ Invalid filter: include:").contains("/regex/");
    }

    @Test
    void aChannelTheBotCannotPostInIsRefusedNamingThePermission() throws Exception {
        start();
        String text = text(bot.feed("add").string("url", wire.url()).channel("channel", MUTED, "muted"));
        assertThat(text).startsWith("⚠️ I cannot post in <#" + MUTED + ">: missing permission Send Messages");
        assertThat(bot.feeds.listAll()).isEmpty();
    }

    // ---- remove

    @Test
    void removeDeletesTheSubscriptionAndStopsPollingAFeedNobodyWants() throws Exception {
        start();
        addWire();
        long id = feedId(wire.url());
        String text = text(bot.feed("remove").string("feed", Long.toString(id)));
        assertThat(text).contains("Removed **Example Wire** from <#" + GENERAL + ">").contains("no longer polled");
        assertThat(bot.subscriptions.listForGuild(GUILD)).isEmpty();
        assertThat(bot.feeds.findById(id)).isEmpty();
    }

    @Test
    void removeInOneChannelKeepsTheOtherAndTheFeed() throws Exception {
        start();
        addWire();
        text(bot.feed("add").string("url", wire.url()).channel("channel", OTHER, "other"));
        long id = feedId(wire.url());
        String text = text(bot.feed("remove").string("feed", Long.toString(id)).channel("channel", OTHER, "other"));
        assertThat(text).contains("from <#" + OTHER + ">").doesNotContain("no longer polled");
        assertThat(bot.subscriptions.listForGuild(GUILD)).extracting(Subscription::channelId).containsExactly(GENERAL);
        assertThat(bot.feeds.findById(id)).isPresent();
    }

    @Test
    void aFeedListedInTheConfigKeepsBeingPolledAfterItsLastSubscriptionGoes() throws Exception {
        start(true, "feeds:\n  - {url: \"" + wire.url() + "\"}");
        addWire();
        long id = feedId(wire.url());
        assertThat(text(bot.feed("remove").string("feed", Long.toString(id)))).doesNotContain("no longer polled");
        assertThat(bot.feeds.findById(id)).isPresent();
    }

    @Test
    void unknownFeedsAndOtherGuildsFeedsAreRefused() throws Exception {
        start();
        text(bot.otherGuildUi.slash("feed").sub("add").string("url", wire.url()).moderator());
        long theirs = feedId(wire.url());
        assertThat(text(bot.feed("remove").string("feed", "9999"))).startsWith("⚠️ Unknown feed '9999'").contains("/feed list");
        assertThat(text(bot.feed("remove").string("feed", Long.toString(theirs)))).startsWith("⚠️ Unknown feed");
        assertThat(bot.subscriptions.listAllForFeed(theirs)).hasSize(1);
    }

    // ---- list

    @Test
    void listGroupsByChannelWithFiltersAndPauseReasons() throws Exception {
        start();
        addWire();
        text(bot.feed("add").string("url", site.url("/posts.xml")).channel("channel", OTHER, "other").string("include", "release"));
        Subscription paused = bot.subscriptions.findByChannelAndFeed(OTHER, feedId(site.url("/posts.xml"))).orElseThrow();
        bot.subscriptions.pause(paused.id(), "Missing Access (Discord 403)");
        String text = text(bot.feed("list"));
        assertThat(text).contains("<#" + GENERAL + ">\n• **Example Wire** — no filters — active")
                .contains("<#" + OTHER + ">\n• **Site Posts** — include: `release` — ⏸️ paused: Missing Access (Discord 403)");
        String onlyOther = text(bot.feed("list").channel("channel", OTHER, "other"));
        assertThat(onlyOther).contains("Site Posts").doesNotContain("Example Wire");
    }

    @Test
    void aLongListFitsInOneMessage() throws Exception {
        start();
        for (int i = 0; i < 60; i++) {
            long feed = bot.feeds.add("https://feeds.example/" + i + "/a-rather-long-path/to/make/the/line/longer.xml",
                    Instant.now(), Duration.ofMinutes(5));
            bot.subscriptions.upsert(feed, GENERAL, GUILD, null, "keyword-" + i, null, SubscriptionSource.COMMAND, Instant.now());
        }
        String text = text(bot.feed("list"));
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        assertThat(text).containsPattern("…and \\d+ more subscriptions$");
    }

    // ---- filter

    @Test
    void filterChangesOnlyTheGivenFiltersAndClearRemovesAll() throws Exception {
        start();
        text(bot.feed("add").string("url", wire.url()).string("include", "cve"));
        String id = Long.toString(feedId(wire.url()));
        assertThat(text(bot.feed("filter").string("feed", id).string("audience", "security")))
                .contains("now audience: `security` · include: `cve`");
        Subscription sub = bot.subscriptions.findByChannelAndFeed(GENERAL, Long.parseLong(id)).orElseThrow();
        assertThat(sub.audience()).isEqualTo("security");
        assertThat(sub.include()).isEqualTo("cve");
        assertThat(text(bot.feed("filter").string("feed", id).bool("clear", true))).contains("now no filters");
        sub = bot.subscriptions.findById(sub.id()).orElseThrow();
        assertThat(sub.audience()).isNull();
        assertThat(sub.include()).isNull();
    }

    @Test
    void filterIsValidatedAndAsksForTheChannelWhenAmbiguous() throws Exception {
        start();
        addWire();
        text(bot.feed("add").string("url", wire.url()).channel("channel", OTHER, "other"));
        String id = Long.toString(feedId(wire.url()));
        assertThat(text(bot.feed("filter").string("feed", id).string("include", "x"))).contains("several channels")
                .contains("channel option");
        assertThat(text(bot.feed("filter").string("feed", id).channel("channel", OTHER, "other").string("exclude", "/(a/")))
                .startsWith("⚠️ Invalid filter: exclude:");
        assertThat(text(bot.feed("filter").string("feed", id).channel("channel", OTHER, "other").string("audience", "nobody")))
                .startsWith("⚠️ Unknown audience 'nobody'");
        assertThat(text(bot.feed("filter").string("feed", "12345").string("include", "x"))).startsWith("⚠️ Unknown feed");
        assertThat(text(bot.feed("filter").string("feed", id).channel("channel", OTHER, "other").string("include", "ai")))
                .contains("in <#" + OTHER + ">: now include: `ai`");
        assertThat(bot.subscriptions.findByChannelAndFeed(GENERAL, Long.parseLong(id)).orElseThrow().include()).isNull();
    }

    // ---- status

    @Test
    void statusShowsHealthPollsPostsAndPauses() throws Exception {
        start();
        addWire();
        text(bot.feed("add").string("url", site.url("/posts.xml")));
        text(bot.feed("add").string("url", site.url("/empty.xml")));
        long wireId = feedId(wire.url());
        long postsId = feedId(site.url("/posts.xml"));
        long emptyId = feedId(site.url("/empty.xml"));
        Instant now = Instant.now();
        bot.feeds.recordFailure(postsId, now, "HTTP_STATUS: HTTP 500 Internal Server Error from " + site.url("/posts.xml"),
                now.plusSeconds(600));
        bot.feeds.disable(emptyId, "the server says the feed is gone (HTTP 410)");
        Subscription wireSub = bot.subscriptions.findByChannelAndFeed(GENERAL, wireId).orElseThrow();
        long article = bot.articles.listByFeed(wireId, 1).get(0).id();
        bot.deliveries.enqueue(wireSub, article, now);
        bot.deliveries.claimNext(GENERAL, now).orElseThrow();
        bot.deliveries.markSent(bot.deliveries.listForSubscription(wireSub.id()).get(0).id(), "777", now);
        bot.subscriptions.pause(wireSub.id(), "Missing Permissions (Discord 403)");

        String text = text(bot.feed("status"));
        assertThat(text).contains("**Example Wire** — ✅ ok\n  last poll <t:").contains("· posted in 24 h: 1")
                .contains("⏸️ <#" + GENERAL + "> paused: Missing Permissions (Discord 403)")
                .contains("**Site Posts** — ⚠️ failing since <t:" + now.getEpochSecond() + ":R> (1 failure): HTTP_STATUS: HTTP 500")
                .contains("next poll <t:" + now.plusSeconds(600).getEpochSecond() + ":R>")
                .contains("**Quiet** — ⛔ disabled: the server says the feed is gone (HTTP 410)")
                .contains("next poll none (disabled)");
    }

    // ---- preview

    @Test
    void previewShowsTheNewestCardAndWritesNothing() throws Exception {
        start();
        ObjectNode message = reply(bot.feed("preview").string("url", wire.url()));
        assertThat(message.path("content").asText()).contains("Newest article of **Example Wire**").contains("Not subscribed");
        assertThat(message.path("embeds").get(0).path("url").asText()).isEqualTo(wire.link("a-2"));
        assertThat(message.path("embeds").get(0).path("title").asText()).isEqualTo("Gizmo 3.1 patches CVE-2026-1111");
        assertThat(bot.feeds.listAll()).isEmpty();
        assertThat(bot.subscriptions.listAll()).isEmpty();
    }

    @Test
    void previewFollowsPagesAndExplainsErrorsLikeAdd() throws Exception {
        start();
        assertThat(text(bot.feed("preview").string("url", site.url("/blog")))).contains("Site Posts").contains("advertises 2");
        assertThat(text(bot.feed("preview").string("url", site.url("/nope")))).contains("HTTP 404");
        assertThat(text(bot.feed("preview").string("url", site.url("/empty.xml")))).contains("has no articles yet");
        assertThat(bot.feeds.listAll()).isEmpty();
    }

    // ---- autocomplete

    @Test
    void feedAutocompleteOffersThisGuildsMatchingFeeds() throws Exception {
        start();
        addWire();
        text(bot.feed("add").string("url", site.url("/posts.xml")));
        text(bot.otherGuildUi.slash("feed").sub("add").string("url", site.url("/empty.xml")).moderator());
        List<ObjectNode> all = bot.ui.autocomplete("feed").sub("remove").focused("feed", "").moderator().send().awaitChoices();
        assertThat(all).extracting(c -> c.path("value").asText())
                .containsExactly(Long.toString(feedId(wire.url())), Long.toString(feedId(site.url("/posts.xml"))));
        List<ObjectNode> byTitle = bot.ui.autocomplete("feed").sub("filter").focused("feed", "wire").moderator().send().awaitChoices();
        assertThat(byTitle).singleElement().satisfies(c -> assertThat(c.path("name").asText()).startsWith("Example Wire — http"));
        List<ObjectNode> byUrl = bot.ui.autocomplete("feed").sub("remove").focused("feed", "posts.xml").moderator().send().awaitChoices();
        assertThat(byUrl).extracting(c -> c.path("value").asText()).containsExactly(Long.toString(feedId(site.url("/posts.xml"))));
    }

    @Test
    void feedAutocompleteStopsAtTwentyFive() throws Exception {
        start();
        for (int i = 0; i < 30; i++) {
            long feed = bot.feeds.add("https://feeds.example/" + i + ".xml", Instant.now(), Duration.ofMinutes(5));
            bot.subscriptions.upsert(feed, GENERAL, GUILD, null, null, null, SubscriptionSource.COMMAND, Instant.now());
        }
        assertThat(bot.ui.autocomplete("feed").sub("remove").focused("feed", "feeds.example").moderator().send().awaitChoices())
                .hasSize(25);
    }

    @Test
    void audienceAutocompleteOffersConfiguredAudiences() throws Exception {
        start();
        List<ObjectNode> choices = bot.ui.autocomplete("feed").sub("add").focused("audience", "sec").moderator().send().awaitChoices();
        assertThat(choices).extracting(c -> c.path("value").asText()).containsExactly("security");
        assertThat(choices.get(0).path("name").asText()).isEqualTo("Security Teams (security)");
        List<ObjectNode> byLabel = bot.ui.autocomplete("feed").sub("filter").focused("audience", "legal").moderator().send().awaitChoices();
        assertThat(byLabel).extracting(c -> c.path("value").asText()).containsExactly("policy");
    }
}
