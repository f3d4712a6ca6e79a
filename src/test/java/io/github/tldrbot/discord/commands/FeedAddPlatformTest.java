package io.github.tldrbot.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.testing.HostMappingFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feed add} with a YouTube handle address: the real fetcher reads the channel page (a local
 * server standing in for www.youtube.com), the bot follows the channel feed named in it, and the
 * reply says what the address resolved to.
 */
class FeedAddPlatformTest {
    private static final String CHANNEL = "UCsBjURrPoezykLs9EqgamOA";

    @TempDir
    Path dir;
    private StaticSite youtube;
    private FeedCommandFixture bot;

    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
        youtube.close();
    }

    @Test
    void aHandleAddressSubscribesTheChannelFeedItsPageNames() throws Exception {
        youtube = new StaticSite()
                .page("/@LocalDevs", "text/html; charset=utf-8", """
                        <!doctype html><html><head><title>Local Devs - YouTube</title>
                        <link rel="alternate" type="application/rss+xml" title="RSS"
                              href="https://www.youtube.com/feeds/videos.xml?channel_id=%s">
                        </head><body><script>var ytInitialData = {"externalId":"%s"};</script></body></html>""".formatted(CHANNEL, CHANNEL))
                .page("/feeds/videos.xml", "application/atom+xml; charset=UTF-8", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015">
                          <title>Local Devs</title><id>yt:channel:%s</id>
                          <link rel="alternate" href="https://www.youtube.com/channel/%s"/>
                          <entry><id>yt:video:abc</id><title>Release walkthrough of Widget 2.0</title>
                            <link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>
                            <published>2026-12-01T10:00:00+00:00</published><updated>2026-12-01T10:00:00+00:00</updated>
                            <summary>We walk through the Widget 2.0 release and show how to upgrade.</summary></entry>
                        </feed>""".formatted(CHANNEL, CHANNEL));
        AtomicReference<HostMappingFetcher> mapping = new AtomicReference<>();
        URI local = URI.create(youtube.url("/"));
        bot = new FeedCommandFixture(dir, true, "", real -> {
            mapping.set(new HostMappingFetcher(real, Map.of("www.youtube.com", local)));
            return mapping.get();
        });

        String reply = bot.feed("add").string("url", "https://www.youtube.com/@LocalDevs").send().awaitReplyText();

        String feedUrl = "https://www.youtube.com/feeds/videos.xml?channel_id=" + CHANNEL;
        assertThat(reply).contains("now follows **Local Devs**").contains("YouTube channel @LocalDevs → " + feedUrl);
        assertThat(mapping.get().asked()).containsExactly(URI.create("https://www.youtube.com/@LocalDevs"), URI.create(feedUrl));
        long feedId = bot.feeds.findByUrl(feedUrl).orElseThrow().id();
        assertThat(bot.subscriptions.findByChannelAndFeed(FeedCommandFixture.GENERAL, feedId)).isPresent();
        assertThat(bot.feeds.findById(feedId).orElseThrow().seeded()).as("seeded from the fetched document").isTrue();
    }

    @Test
    void aHandlePageWithoutAChannelIdGetsAClearReply() throws Exception {
        youtube = new StaticSite().page("/@Nobody", "text/html", "<html><body>Before you continue to YouTube</body></html>");
        URI local = URI.create(youtube.url("/"));
        bot = new FeedCommandFixture(dir, true, "", real -> new HostMappingFetcher(real, Map.of("www.youtube.com", local)));

        String reply = bot.feed("add").string("url", "https://youtube.com/@Nobody").send().awaitReplyText();

        assertThat(reply).contains("https://www.youtube.com/@Nobody does not name its channel's feed")
                .contains("https://www.youtube.com/channel/UC…");
        assertThat(bot.subscriptions.listAll()).isEmpty();
    }

    @Test
    void aMastodonProfileFollowsItsRssAndAGuessThatIsNoFeedFallsBackToThePage() throws Exception {
        String rss = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Someone</title><link>https://social.example/@someone</link>
                <item><guid>t1</guid><title>Shipped the 2.0 release of the widget library today</title>
                <link>https://social.example/@someone/1</link><description>Release notes are online; upgrade when you can.</description></item>
                </channel></rss>""";
        youtube = new StaticSite()
                .page("/@someone.rss", "application/rss+xml", rss)
                .page("/@blogger", "text/html", """
                        <!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/blog.xml"></head></html>""")
                .page("/blog.xml", "application/rss+xml", rss.replace("Someone", "A Blog"));
        bot = new FeedCommandFixture(dir, true, "");

        String mastodon = bot.feed("add").string("url", youtube.url("/@someone")).send().awaitReplyText();
        String host = URI.create(youtube.url("/")).getHost();
        assertThat(mastodon).contains("now follows **Someone**")
                .contains("Mastodon profile @someone@" + host + " → " + youtube.url("/@someone.rss"));

        String page = bot.feed("add").string("url", youtube.url("/@blogger")).send().awaitReplyText();
        assertThat(page).contains("now follows **A Blog**").contains("That address is a web page; I followed the feed it advertises.")
                .doesNotContain("Mastodon");
        assertThat(bot.feeds.findByUrl(youtube.url("/blog.xml"))).isPresent();
    }
}
