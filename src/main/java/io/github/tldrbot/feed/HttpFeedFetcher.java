package io.github.tldrbot.feed;

import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.config.FetchConfig;
import io.github.tldrbot.feed.FetchResponses.Profile;
import io.github.tldrbot.feed.FetchResponses.Step;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feed documents, and the web pages of teaser feeds' articles, with the JDK
 * {@link HttpClient} under the rules of SPEC §4.1. One instance serves the whole process (one shared
 * client, HTTP/1.1 keep-alive); it is thread-safe and callers simply block in {@link #fetch} or
 * {@link #fetchPage}. Feeds and pages share everything below — the address checks, the deadline,
 * the decoding and, importantly, the concurrency permits, so a host's feed and its article pages
 * together stay within {@code perHostConcurrent}. What differs is a {@link Profile}: pages ask for
 * HTML only, refuse any other Content-Type before reading the body, send no validators, and are
 * cut at {@link #PAGE_MAX_BYTES} (or the smaller {@code maxBodySize}) instead of refused.
 *
 * <p>What every call of {@link #fetch} guarantees:
 * <ul>
 *   <li>It returns a {@link FetchResult} for anything the network or the server does; it throws only
 *       for programming errors (null URL, use after {@link #close()}).</li>
 *   <li>Only {@code http} and {@code https} URLs are fetched. Unless {@code allowPrivateNetworks} is
 *       set, the host of the first URL and of every redirect hop is resolved and refused when any of
 *       its addresses is not public (see {@link PublicAddressPolicy}, including its DNS-rebinding
 *       note: the client resolves the name again when it connects).</li>
 *   <li>Redirects (301, 302, 303, 307, 308) are followed here, never by the client: at most
 *       {@code maxRedirects} hops, a URL seen twice is a loop, a relative Location is resolved
 *       against the current URL.</li>
 *   <li>Time: {@code timeout} bounds the whole fetch — every hop's connect, headers and body — from
 *       the moment the first request may be sent. Not counted: waiting for a concurrency permit, and
 *       the name lookup of the private-address check (bounded by the system resolver's own
 *       timeouts). A server that drips its body ends in {@link FetchError#TIMEOUT} about
 *       {@code timeout} after the start.</li>
 *   <li>Memory: the body is decoded here (gzip, deflate) and the cap applies to decoded bytes:
 *       reading stops once {@code maxBodySize} plus one 8 KiB buffer has been decoded, whatever the
 *       server sends (a gzip bomb is never inflated further). The growing buffer and the returned
 *       copy make the transient peak at most about three times {@code maxBodySize} per fetch.</li>
 *   <li>Concurrency: at most {@code perHostConcurrent} requests to one host name and
 *       {@code maxConcurrent} in all are in flight; callers wait (fairly) for a permit.</li>
 *   <li>Resources: every response body is closed; one not read to its end makes the client drop that
 *       connection rather than return it to the pool. No thread is created per fetch: the client runs
 *       on one cached pool and deadlines on one timer thread, both owned and shut down by
 *       {@link #close()}.</li>
 * </ul>
 *
 * <p>Instants in results ({@code freshUntil}, {@code retryAt}) come from the injected {@link Clock};
 * deadlines use {@link System#nanoTime()}. This class follows the hops; {@link FetchRequests} builds
 * each request and {@link FetchResponses} says what each response means.
 */
public final class HttpFeedFetcher implements FeedFetcher, PageFetcher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpFeedFetcher.class);

    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";
    static final String ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9";
    /**
     * Article pages are read up to this many decoded bytes: the article comes long before the
     * scripts, comments and footers that make pages large, and a parsed page costs several times
     * its size in memory on every poll thread.
     */
    static final long PAGE_MAX_BYTES = 2L * 1024 * 1024;

    private final FetchConfig config;
    private final FetchTargets targets;
    private final FetchRequests requests;
    private final FetchResponses responses;
    private final Profile feedProfile;
    private final Profile pageProfile;
    private final FetchPermits permits;
    private final ExecutorService clientExecutor;
    private final ScheduledThreadPoolExecutor timer;
    private final HttpClient client;
    private volatile boolean closed;

    /** The production fetcher: system clock, private-address rule as configured. */
    public HttpFeedFetcher(FetchConfig config) {
        this(config, Clock.systemUTC());
    }

    /** As {@link #HttpFeedFetcher(FetchConfig)} with a clock for the instants in results (tests). */
    public HttpFeedFetcher(FetchConfig config, Clock clock) {
        this(config, clock, config.allowPrivateNetworks() ? AddressPolicy.ALLOW_ALL : new PublicAddressPolicy());
    }

    HttpFeedFetcher(FetchConfig config, Clock clock, AddressPolicy addressPolicy) {
        this.config = validated(config);
        this.targets = new FetchTargets(addressPolicy);
        this.requests = new FetchRequests(config.userAgent());
        this.responses = new FetchResponses(config.timeout(), new CacheHeaders(Objects.requireNonNull(clock, "clock")));
        this.feedProfile = new Profile(ACCEPT, new BodyReader(config.maxBodySize()), false);
        this.pageProfile = new Profile(ACCEPT_PAGE,
                new BodyReader(Math.min(config.maxBodySize(), PAGE_MAX_BYTES), true), true);
        this.permits = new FetchPermits(config.maxConcurrent(), config.perHostConcurrent());
        String instance = Integer.toHexString(System.identityHashCode(this));
        this.clientExecutor = Executors.newCachedThreadPool(DaemonThreads.numbered("feed-fetch-" + instance + "-"));
        this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.numbered("feed-fetch-deadline-" + instance + "-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout())
                .executor(clientExecutor)
                .build();
    }

    /**
     * Parses {@code url} and fetches it; for callers holding user input (CLI, {@code /feed add}), so
     * a malformed URL is an {@link FetchError#INVALID_URL} result like any other outcome.
     */
    public FetchResult fetch(String url, Validators validators) {
        Objects.requireNonNull(url, "url");
        try {
            return fetch(new URI(url.trim()), validators);
        } catch (URISyntaxException e) {
            return new FetchResult.Failed(FetchError.INVALID_URL,
                    "'" + url + "' is not a valid URL; use an absolute http:// or https:// address");
        }
    }

    @Override
    public FetchResult fetch(URI url, Validators validators) {
        return fetch(url, validators != null ? validators : Validators.NONE, feedProfile);
    }

    /**
     * Fetches an article's web page: {@link FetchResult.Ok} only for a 2xx {@code text/html} or
     * {@code application/xhtml+xml} response, its body cut at the page cap; any other Content-Type
     * is {@link FetchError#UNSUPPORTED_TYPE} without its body being read.
     */
    @Override
    public FetchResult fetchPage(URI url) {
        return fetch(url, Validators.NONE, pageProfile);
    }

    private FetchResult fetch(URI url, Validators sent, Profile profile) {
        Objects.requireNonNull(url, "url");
        if (closed) {
            throw new IllegalStateException("the feed fetcher is closed");
        }
        FetchResult result;
        try {
            result = followRedirects(url, sent, profile);
        } catch (FetchFailure failure) {
            result = failure.toResult();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new FetchResult.Failed(FetchError.TIMEOUT, "fetch of " + url + " was interrupted");
        } catch (RejectedExecutionException e) {
            // close() ran while this fetch was under way.
            throw new IllegalStateException("the feed fetcher was closed during the fetch of " + url, e);
        }
        if (log.isDebugEnabled()) {
            log.debug("fetched url={} page={} result={}", url, profile.htmlOnly(), describe(result));
        }
        return result;
    }

    /** Shuts down the client's threads and the deadline timer; in-flight fetches fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        clientExecutor.shutdownNow();
    }

    /** Hosts with live per-host permits; for tests proving nothing accumulates. */
    int trackedHosts() {
        return permits.trackedHosts();
    }

    private FetchResult followRedirects(URI start, Validators validators, Profile profile)
            throws FetchFailure, InterruptedException {
        URI current = targets.checked(start, null);
        Set<URI> visited = new HashSet<>();
        visited.add(current.normalize());
        FetchDeadline deadline = null;
        try {
            for (int redirects = 0; ; redirects++) {
                Step step;
                // Permits per hop: a redirect to another host must not hold the first host's permit
                // while it waits for the second one's.
                FetchPermits.Lease lease = permits.acquire(hostKey(current));
                try {
                    if (deadline == null) {
                        deadline = new FetchDeadline(timer, config.timeout());
                    }
                    step = exchange(current, validators, deadline, profile);
                } finally {
                    lease.close();
                }
                if (step.result() != null) {
                    return step.result();
                }
                if (redirects >= config.maxRedirects()) {
                    throw new FetchFailure(FetchError.TOO_MANY_REDIRECTS, "more than " + config.maxRedirects()
                            + " redirects starting at " + start + " (fetch.maxRedirects)");
                }
                URI next = targets.checked(step.redirect(), current);
                if (!visited.add(next.normalize())) {
                    throw new FetchFailure(FetchError.TOO_MANY_REDIRECTS,
                            "redirect loop: " + current + " sends back to " + next);
                }
                log.debug("redirect url={} to={}", current, next);
                current = next;
            }
        } finally {
            if (deadline != null) {
                deadline.close();
            }
        }
    }

    /** One request/response: a final result, or where to go next. */
    private Step exchange(URI url, Validators validators, FetchDeadline deadline, Profile profile)
            throws FetchFailure, InterruptedException {
        if (deadline.expired()) {
            throw new FetchFailure(FetchError.TIMEOUT, FetchMessages.timeout(url, config.timeout()));
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(requests.get(url, validators, deadline.remaining(), profile.accept()),
                    BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw FetchMessages.network(url, e, config.timeout());
        }
        InputStream body = response.body();
        deadline.watch(body);
        try {
            return responses.interpret(url, response, body, validators, deadline, profile);
        } finally {
            // Closing before the end cancels the exchange: the client closes that connection.
            try {
                body.close();
            } catch (IOException ignored) {
                // Nothing left to release on our side.
            }
        }
    }

    private static String hostKey(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT);
    }

    private static String describe(FetchResult result) {
        if (result instanceof FetchResult.Ok ok) {
            return "ok bytes=" + ok.body().length + " finalUrl=" + ok.finalUrl();
        }
        return result.toString();
    }

    private static FetchConfig validated(FetchConfig config) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(config.timeout(), "fetch.timeout");
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("fetch.timeout must be positive, got " + config.timeout());
        }
        if (config.maxRedirects() < 0) {
            throw new IllegalArgumentException("fetch.maxRedirects must not be negative, got " + config.maxRedirects());
        }
        return config;
    }


}
