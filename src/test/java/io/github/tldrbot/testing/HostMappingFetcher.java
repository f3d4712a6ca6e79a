package io.github.tldrbot.testing;

import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.Validators;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fetcher that sends requests for some public hosts (www.youtube.com …) to a local server
 * instead, keeping path and query: lets a test exercise code that builds platform URLs without a
 * request leaving 127.0.0.1. Records the URLs asked for, as asked.
 */
public final class HostMappingFetcher implements FeedFetcher {
    private final FeedFetcher real;
    private final Map<String, URI> hosts;
    private final List<URI> asked = new CopyOnWriteArrayList<>();

    /** @param hosts host name → local base (scheme, host and port are taken from it) */
    public HostMappingFetcher(FeedFetcher real, Map<String, URI> hosts) {
        this.real = real;
        this.hosts = hosts;
    }

    @Override
    public FetchResult fetch(URI url, Validators validators) {
        asked.add(url);
        URI local = hosts.get(url.getHost().toLowerCase(Locale.ROOT));
        if (local == null) {
            return real.fetch(url, validators);
        }
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return real.fetch(URI.create(local.getScheme() + "://" + local.getRawAuthority() + url.getRawPath() + query), validators);
    }

    public List<URI> asked() {
        return List.copyOf(asked);
    }
}
