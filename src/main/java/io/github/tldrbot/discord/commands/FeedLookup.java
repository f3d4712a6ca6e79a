package io.github.tldrbot.discord.commands;

import io.github.tldrbot.feed.FeedDiscovery;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.PlatformFeed;
import io.github.tldrbot.feed.PlatformUrlException;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.feed.Validators;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the URL a moderator typed into a fetched, parsed feed for {@code /feed add} and
 * {@code /feed preview}: checks the URL, fetches it once, follows a page's advertised feed
 * (autodiscovery) and parses it. Every way this can go wrong becomes a {@link UserError} that says
 * what is wrong and what to do (SPEC §7).
 */
final class FeedLookup {
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedDiscovery discovery;
    private final PlatformUrls platforms;

    FeedLookup(FeedFetcher fetcher, FeedParser parser, FeedDiscovery discovery) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.discovery = discovery;
        this.platforms = new PlatformUrls(fetcher);
    }

    FoundFeed find(String typed) throws UserError {
        URI typedUrl = checkedUrl(typed);
        Optional<PlatformFeed> platform = platform(typedUrl);
        URI url = platform.map(PlatformFeed::feedUrl).orElse(typedUrl);
        String resolved = platform.map(PlatformFeed::describe).orElse(null);
        FetchResult.Ok page;
        try {
            page = fetch(url);
        } catch (UserError notThere) {
            if (platform.isEmpty()) {
                throw notThere;
            }
            // some rules guess from the address alone (any host's /@user is taken for Mastodon):
            // when the guessed feed is not there, the typed page is read as usual
            url = typedUrl;
            resolved = null;
            page = fetchOr(url, notThere);
        }
        if (!discovery.isHtmlPage(page.body(), page.contentType())) {
            return new FoundFeed(url, page, parse(page, url), List.of(), false, resolved);
        }
        List<URI> feeds = discovery.discover(page.body(), page.finalUrl());
        if (feeds.isEmpty()) {
            throw new UserError(url + " is a web page that advertises no RSS or Atom feed; "
                    + "give the feed's own address (often ending in /feed, /rss or .xml).");
        }
        URI feedUrl = feeds.get(0);
        FetchResult.Ok feed = fetch(feedUrl);
        return new FoundFeed(feedUrl, feed, parse(feed, feedUrl), feeds.subList(1, feeds.size()), true, resolved);
    }

    private Optional<PlatformFeed> platform(URI url) throws UserError {
        try {
            return platforms.resolve(url);
        } catch (PlatformUrlException e) {
            throw new UserError(e.getMessage() + ".");
        }
    }

    /** The URL must be absolute http(s) with a host; anything else is refused before any request. */
    static URI checkedUrl(String typed) throws UserError {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new UserError("Give the address of a feed or of a web page, e.g. https://example.org/feed.xml.");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new UserError("'" + text + "' is not a valid URL (" + e.getReason()
                    + "); give a full address such as https://example.org/feed.xml.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            throw new UserError("'" + text + "' is not a full URL; start it with https:// (e.g. https://" + text + ").");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserError("Only http and https feeds can be followed, not " + scheme
                    + ": URLs; give an https:// address.");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new UserError("'" + text + "' has no valid host name; give a full address such as https://example.org/feed.xml.");
        }
        return url;
    }

    /** Fetches {@code url}; when that fails too, the first failure is the one worth reporting. */
    private FetchResult.Ok fetchOr(URI url, UserError first) throws UserError {
        FetchResult result = fetcher.fetch(url, Validators.NONE);
        if (result instanceof FetchResult.Ok ok) {
            return ok;
        }
        throw first;
    }

    private FetchResult.Ok fetch(URI url) throws UserError {
        FetchResult result = fetcher.fetch(url, Validators.NONE);
        if (result instanceof FetchResult.Ok ok) {
            return ok;
        }
        throw new UserError(describe(url, result));
    }

    /** One sentence per fetch outcome, built on the fetcher's own one-line message. */
    static String describe(URI url, FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return switch (failed.kind()) {
                case PRIVATE_ADDRESS -> "That address is on a private network (" + failed.message()
                        + "); feeds on private or local networks are not allowed on this bot.";
                case UNREACHABLE -> "Could not reach " + url.getHost() + ": " + failed.message()
                        + ". Check the address, or try again later if the site is down.";
                case TIMEOUT -> "The site did not answer in time: " + failed.message() + ". Try again later.";
                case HTTP_STATUS -> "The site answered with an error: " + failed.message()
                        + ". Check the address (open it in a browser).";
                case TOO_LARGE -> "The document is too large to be a feed: " + failed.message() + ".";
                case TOO_MANY_REDIRECTS -> "Too many redirects: " + failed.message() + ".";
                case INVALID_URL -> "That URL cannot be fetched: " + failed.message() + ".";
                case BAD_ENCODING -> "The response could not be decoded: " + failed.message() + ".";
                // Only article-page fetches refuse a type; kept worded in case one reaches a user.
                case UNSUPPORTED_TYPE -> "That address does not serve a document I can read: " + failed.message() + ".";
            };
        }
        if (result instanceof FetchResult.Gone gone) {
            return "The site says this feed is gone for good (HTTP 410): " + gone.message() + ". Find its new address.";
        }
        if (result instanceof FetchResult.Throttled throttled) {
            return "The site is busy or rate-limiting us (HTTP " + throttled.status() + "); try again in a few minutes.";
        }
        return "The site answered 304 Not Modified to a first request; try again later.";
    }

    private ParsedFeed parse(FetchResult.Ok ok, URI url) throws UserError {
        try {
            return parser.parse(ok.body(), ok.contentType(), ok.finalUrl().toString());
        } catch (FeedParseException e) {
            throw new UserError(url + " is not a feed that can be read: " + e.getMessage()
                    + ". Check that the address is an RSS or Atom feed.");
        }
    }
}
