package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.feed.FetchError;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.PlatformUrls;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's {@code feeds:} follow a platform address's feed, as {@code /feed add} does (SPEC §3, §7). */
class ConfigFeedUrlsTest {
    @Test
    void platformAddressesInFeedsAreReplacedByTheirFeedsKeepingTheRestOfTheEntry() {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                feeds:
                  - {url: "https://www.reddit.com/r/selfhosted", channel: "42", include: "docker"}
                  - {url: "https://github.com/discord-jda/JDA", channel: "42"}
                  - {url: "https://news.example.org/feed.xml", channel: "43"}
                """, "config-feeds-test");

        BotConfig resolved = ConfigFeedUrls.resolved(config);

        assertThat(resolved.feeds()).extracting(FeedEntryConfig::url).containsExactly(
                "https://www.reddit.com/r/selfhosted/.rss", "https://github.com/discord-jda/JDA/releases.atom",
                "https://news.example.org/feed.xml");
        assertThat(resolved.feeds().get(0).include()).isEqualTo("docker");
        assertThat(resolved.feeds().get(0).channel()).isEqualTo("42");
        assertThat(resolved.limits()).isEqualTo(config.limits());
    }

    @Test
    void aHandleWhosePageCannotBeReadIsKeptAsWritten() {
        PlatformUrls unreachable = new PlatformUrls((url, v) -> new FetchResult.Failed(FetchError.UNREACHABLE, "no route"));
        List<FeedEntryConfig> entries = List.of(new FeedEntryConfig("https://www.youtube.com/@somebody", "42", null, null, null),
                new FeedEntryConfig("https://www.youtube.com/channel/UCsBjURrPoezykLs9EqgamOA", "42", null, null, null));
        assertThat(ConfigFeedUrls.resolve(entries, unreachable)).extracting(FeedEntryConfig::url).containsExactly(
                "https://www.youtube.com/@somebody",
                "https://www.youtube.com/feeds/videos.xml?channel_id=UCsBjURrPoezykLs9EqgamOA");
        assertThat(URI.create(ConfigFeedUrls.resolve(entries, unreachable).get(1).url()).getQuery())
                .isEqualTo("channel_id=UCsBjURrPoezykLs9EqgamOA");
    }
}
