package io.github.tldrbot.feed;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the address of a platform page that people paste — a YouTube channel or handle, a
 * subreddit, a GitHub repository, a Mastodon profile, a Substack or Medium page — into the feed it
 * has (SPEC §7 {@code /feed add}, the config's {@code feeds:}, OPML entries), before any HTML
 * autodiscovery: most of these pages advertise no feed, or not the one a news channel wants.
 * One rule class per platform, tried in order (the specific hosts before Mastodon's and Substack's
 * any-host patterns). Only YouTube handles need a request, made with the fetcher given here (so a
 * test can map www.youtube.com to a local server through it). Thread-safe.
 */
public final class PlatformUrls {
    private static final List<PlatformRule> RULES = List.of(new YouTubeRule(), new RedditRule(), new GitHubRule(),
            new MediumRule(), new SubstackRule(), new MastodonRule());

    private final FeedFetcher fetcher;

    /** @param fetcher reads YouTube handle pages; null resolves only the addresses that need no page */
    public PlatformUrls(FeedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * @return the platform feed, or empty when the URL is no platform address (it is then fetched as typed)
     * @throws PlatformUrlException when it is one whose page does not yield a feed
     */
    public Optional<PlatformFeed> resolve(URI url) throws PlatformUrlException {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        for (PlatformRule rule : RULES) {
            Optional<PlatformFeed> feed = rule.resolve(url, host, this::read);
            if (feed.isPresent()) {
                return feed;
            }
        }
        return Optional.empty();
    }

    private FetchResult.Ok read(URI page) throws PlatformUrlException {
        if (fetcher == null) {
            throw new PlatformUrlException(page + " names its feed only in its page, which is not read here;"
                    + " use the channel's address https://www.youtube.com/channel/UC… instead");
        }
        FetchResult result = fetcher.fetch(page, Validators.NONE);
        if (result instanceof FetchResult.Ok ok) {
            return ok;
        }
        String why = result instanceof FetchResult.Failed failed ? failed.message()
                : result instanceof FetchResult.Gone gone ? gone.message() : result.getClass().getSimpleName();
        throw new PlatformUrlException("could not read " + page + " to find its feed: " + why);
    }
}
