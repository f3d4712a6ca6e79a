package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.feed.FeedAddress;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.feed.PlatformFeed;
import io.github.tldrbot.feed.PlatformUrlException;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.feed.Validators;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config's {@code feeds:} with platform addresses (a YouTube channel, a subreddit, a GitHub
 * repository …) replaced by their feeds, once at start, so that sync, polling and full-text
 * settings all see the address that is polled — as {@code /feed add} and OPML imports do. A
 * YouTube handle needs its page: a fetcher is made only then. An address whose page does not yield
 * a feed is kept as written with a warning (the site may be down for a moment; its polls then say
 * what is wrong).
 */
final class ConfigFeedUrls {
    private static final Logger log = LoggerFactory.getLogger(ConfigFeedUrls.class);

    private ConfigFeedUrls() {
    }

    static BotConfig resolved(BotConfig config) {
        if (config.feeds().isEmpty()) {
            return config;
        }
        try (LazyFetcher fetcher = new LazyFetcher(() -> new HttpFeedFetcher(config.fetch()))) {
            List<FeedEntryConfig> feeds = resolve(config.feeds(), new PlatformUrls(fetcher));
            return new BotConfig(config.discord(), config.storage(), config.fetch(), config.polling(), config.summarizer(),
                    config.audiences(), config.limits(), config.retention(), config.server(), feeds, config.recaps());
        }
    }

    static List<FeedEntryConfig> resolve(List<FeedEntryConfig> entries, PlatformUrls platforms) {
        List<FeedEntryConfig> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            FeedEntryConfig entry = entries.get(i);
            out.add(platformFeed(entry.url(), platforms, i).map(entry::withUrl).orElse(entry));
        }
        return out;
    }

    private static Optional<String> platformFeed(String url, PlatformUrls platforms, int index) {
        URI uri;
        try {
            uri = FeedAddress.check(url, true); // the private-address rule is the fetcher's, at every poll
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the poll reports an unusable address
        }
        try {
            Optional<PlatformFeed> feed = platforms.resolve(uri);
            feed.ifPresent(f -> log.info("feeds[{}]: {} is a {}", index, url, f.describe()));
            return feed.map(f -> f.feedUrl().toString());
        } catch (PlatformUrlException e) {
            log.warn("feeds[{}]: {}; polling {} as written", index, e.getMessage(), url);
            return Optional.empty();
        }
    }

    /** Makes the real fetcher on first use only: most configs name no handle page. */
    private static final class LazyFetcher implements FeedFetcher, AutoCloseable {
        private final Supplier<HttpFeedFetcher> factory;
        private HttpFeedFetcher fetcher;

        LazyFetcher(Supplier<HttpFeedFetcher> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized FetchResult fetch(URI url, Validators validators) {
            if (fetcher == null) {
                fetcher = factory.get();
            }
            return fetcher.fetch(url, validators);
        }

        @Override
        public synchronized void close() {
            if (fetcher != null) {
                fetcher.close();
            }
        }
    }
}
