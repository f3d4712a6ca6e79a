package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every platform rule with addresses as people paste them; handle pages served by a stub fetcher. */
class PlatformUrlsTest {
    private static final String CHANNEL = "UCsBjURrPoezykLs9EqgamOA";
    private final List<URI> fetched = new ArrayList<>();
    private String page = "";
    private final PlatformUrls platforms = new PlatformUrls((url, validators) -> {
        fetched.add(url);
        return new FetchResult.Ok(url, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", Validators.NONE, null);
    });

    private Optional<PlatformFeed> resolve(String url) throws PlatformUrlException {
        return platforms.resolve(URI.create(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.youtube.com/channel/UCsBjURrPoezykLs9EqgamOA | YouTube channel | https://www.youtube.com/feeds/videos.xml?channel_id=UCsBjURrPoezykLs9EqgamOA",
            "https://youtube.com/channel/UCsBjURrPoezykLs9EqgamOA/videos | YouTube channel | https://www.youtube.com/feeds/videos.xml?channel_id=UCsBjURrPoezykLs9EqgamOA",
            "https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI | YouTube playlist | https://www.youtube.com/feeds/videos.xml?playlist_id=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI | YouTube playlist | https://www.youtube.com/feeds/videos.xml?playlist_id=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI",
            "https://www.reddit.com/r/java | Reddit subreddit r/java | https://www.reddit.com/r/java/.rss",
            "https://old.reddit.com/r/programming/ | Reddit subreddit r/programming | https://www.reddit.com/r/programming/.rss",
            "https://www.reddit.com/r/java/top/?t=week | Reddit subreddit r/java (top) | https://www.reddit.com/r/java/top/.rss?t=week",
            "https://reddit.com/u/spez | Reddit user u/spez | https://www.reddit.com/user/spez/.rss",
            "https://www.reddit.com/user/spez/ | Reddit user u/spez | https://www.reddit.com/user/spez/.rss",
            "https://github.com/quarkusio/quarkus | GitHub releases of quarkusio/quarkus | https://github.com/quarkusio/quarkus/releases.atom",
            "https://github.com/rometools/rome.git | GitHub releases of rometools/rome | https://github.com/rometools/rome/releases.atom",
            "https://github.com/discord-jda/JDA/releases | GitHub releases of discord-jda/JDA | https://github.com/discord-jda/JDA/releases.atom",
            "https://github.com/discord-jda/JDA/tags | GitHub tags of discord-jda/JDA | https://github.com/discord-jda/JDA/tags.atom",
            "https://github.com/openjdk/jdk/commits/master | GitHub commits to openjdk/jdk master | https://github.com/openjdk/jdk/commits/master.atom",
            "https://github.com/o/r/commits/release/2.x | GitHub commits to o/r release/2.x | https://github.com/o/r/commits/release/2.x.atom",
            "https://mastodon.social/@Gargron | Mastodon profile @Gargron@mastodon.social | https://mastodon.social/@Gargron.rss",
            "https://fosstodon.org/@java | Mastodon profile @java@fosstodon.org | https://fosstodon.org/@java.rss",
            "https://platformer.substack.com/ | Substack newsletter platformer | https://platformer.substack.com/feed",
            "https://platformer.substack.com/p/the-story | Substack newsletter platformer | https://platformer.substack.com/feed",
            "https://www.platformer.news/p/meta-ai-news | Substack newsletter on platformer.news | https://www.platformer.news/feed",
            "https://medium.com/@mattklein123 | Medium user @mattklein123 | https://medium.com/feed/@mattklein123",
            "https://medium.com/@mattklein123/some-post-1a2b3c | Medium user @mattklein123 | https://medium.com/feed/@mattklein123",
            "https://medium.com/netflix-techblog | Medium publication netflix-techblog | https://medium.com/feed/netflix-techblog",
            "https://medium.com/tag/java | Medium tag java | https://medium.com/feed/tag/java",
            "https://someone.medium.com/ | Medium user @someone | https://medium.com/feed/@someone",
    })
    void mapsEachPlatformAddressToItsFeed(String typed, String platform, String feed) throws Exception {
        assertThat(resolve(typed)).contains(new PlatformFeed(platform, URI.create(feed)));
        assertThat(fetched).as("no request for an address that names its feed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.org/feed.xml",
            "https://example.org/blog/",
            "https://www.youtube.com/feeds/videos.xml?channel_id=UCsBjURrPoezykLs9EqgamOA",
            "https://www.reddit.com/r/java/.rss",
            "https://www.reddit.com/r/java/comments/abc/some_post/",
            "https://github.com/quarkusio/quarkus/releases.atom",
            "https://github.com/topics/java",
            "https://github.com/quarkusio",
            "https://platformer.substack.com/feed",
            "https://medium.com/feed/@mattklein123",
            "https://example.org/@user/123456",
    })
    void leavesOtherAddressesAlone(String typed) throws Exception {
        assertThat(resolve(typed)).isEmpty();
    }

    @Test
    void aHandleIsResolvedFromTheFeedItsPageAdvertises() throws Exception {
        page = """
                <!doctype html><html><head>
                <link rel="alternate" type="application/rss+xml" title="RSS" href="https://www.youtube.com/feeds/videos.xml?channel_id=%s">
                </head><body></body></html>""".formatted(CHANNEL);
        assertThat(resolve("https://www.youtube.com/@GoogleDevelopers/videos")).contains(new PlatformFeed(
                "YouTube channel @GoogleDevelopers", URI.create(YouTubeRule.FEEDS + "?channel_id=" + CHANNEL)));
        assertThat(fetched).containsExactly(URI.create("https://www.youtube.com/@GoogleDevelopers"));
    }

    @Test
    void customAndUserAddressesFallBackToTheChannelIdInThePageData() throws Exception {
        page = "<html><script>var ytInitialData = {\"metadata\":{\"channelMetadataRenderer\":{\"externalId\":\"" + CHANNEL
                + "\"}}};</script></html>";
        assertThat(resolve("https://www.youtube.com/c/GoogleDevelopers").map(PlatformFeed::describe))
                .contains("YouTube channel GoogleDevelopers → " + YouTubeRule.FEEDS + "?channel_id=" + CHANNEL);
        page = "<html><meta itemprop=\"channelId\" content=\"" + CHANNEL + "\"></html>";
        assertThat(resolve("https://youtube.com/user/GoogleDevelopers").map(PlatformFeed::feedUrl))
                .contains(URI.create(YouTubeRule.FEEDS + "?channel_id=" + CHANNEL));
        assertThat(fetched).containsExactly(URI.create("https://www.youtube.com/c/GoogleDevelopers"),
                URI.create("https://www.youtube.com/user/GoogleDevelopers"));
    }

    @Test
    void aHandlePageWithoutAChannelIdIsAClearError() {
        page = "<html><body>consent wall</body></html>";
        assertThatThrownBy(() -> resolve("https://www.youtube.com/@nobody")).isInstanceOf(PlatformUrlException.class)
                .hasMessageContaining("https://www.youtube.com/@nobody does not name its channel's feed")
                .hasMessageContaining("/channel/UC");
    }

    @Test
    void aHandlePageThatFailsToLoadSaysWhy() {
        PlatformUrls failing = new PlatformUrls((url, v) -> new FetchResult.Failed(FetchError.UNREACHABLE, "connection refused"));
        assertThatThrownBy(() -> failing.resolve(URI.create("https://www.youtube.com/@x")))
                .hasMessage("could not read https://www.youtube.com/@x to find its feed: connection refused");
        assertThatThrownBy(() -> new PlatformUrls(null).resolve(URI.create("https://www.youtube.com/@x")))
                .isInstanceOf(PlatformUrlException.class).hasMessageContaining("not read here");
    }
}
