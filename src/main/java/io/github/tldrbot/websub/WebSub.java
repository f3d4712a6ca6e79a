package io.github.tldrbot.websub;

import io.github.tldrbot.threads.DaemonThreads;
import com.sun.net.httpserver.HttpHandler;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.WebSubStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub subscriber of one process (SPEC §4.3), built when {@code server.publicUrl} is set: it
 * watches polled feeds for hubs, runs the subscription pass every {@code checkEvery} (and at once when
 * a new hub is seen) on its own thread — like the cluster heartbeat, not a Quartz job, because it
 * must run in preview and poll-only processes alike — and serves the callback route that the
 * status server mounts at {@link WebSubCallback#PATH}.
 */
public final class WebSub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebSub.class);

    private final WebSubSettings settings;
    private final HubClient hubs;
    private final SubscriptionPass pass;
    private final PushIngest ingest;
    private final WebSubStore store;
    private final FeedRefresher refresher;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("websub-subscriptions"));
    private volatile WebSubEvents events = WebSubEvents.NONE;
    private volatile boolean started;

    /**
     * @param claimOwner the process id whose heartbeat renews feed claims (SPEC §13), or null
     * @param claimLease how long a push's feed claim lasts; {@code deadAfter} when a claimer counts as dead
     */
    public WebSub(WebSubSettings settings, WebSubStore store, FeedStore feeds, FeedRefresher refresher,
                  String claimOwner, Duration claimLease, Duration deadAfter, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.refresher = refresher;
        this.clock = clock;
        this.hubs = new HubClient(settings);
        this.pass = new SubscriptionPass(store, hubs, settings, clock);
        this.ingest = new PushIngest(feeds, refresher, new PushIngest.ClaimTerms(claimOwner, claimLease, deadAfter),
                settings.pushClaimWait(), clock);
        refresher.watchHubs(new HubSubscriber(store, this::wake, clock));
    }

    /** Starts the periodic pass (renewals, retries, unsubscribes). */
    public void start() {
        started = true;
        long every = settings.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::runPass, 0, every, TimeUnit.MILLISECONDS);
        log.info("websub on: callbacks at {}<id>, subscription check every {}s", settings.callbackUrl(""),
                settings.checkEvery().toSeconds());
    }

    /** The handler of {@link WebSubCallback#PATH} for the status server. */
    public HttpHandler callback() {
        return new WebSubCallback(store, ingest, settings, event(), clock);
    }

    /** Reports pushes to {@code listener} from now on (metrics). */
    public void reportTo(WebSubEvents listener) {
        this.events = listener;
    }

    /** Subscriptions whose hub lease runs now (a gauge). */
    public long activeSubscriptions() {
        return store.countActive(clock.instant());
    }

    private WebSubEvents event() {
        // delegates at call time, so reportTo after the route is mounted still counts
        return new WebSubEvents() {
            @Override
            public void pushReceived() {
                events.pushReceived();
            }

            @Override
            public void pushAccepted() {
                events.pushAccepted();
            }

            @Override
            public void pushRejected(String reason) {
                events.pushRejected(reason);
            }
        };
    }

    private void wake() {
        if (started) {
            timer.execute(this::runPass);
        }
    }

    private void runPass() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            log.warn("websub subscription pass failed: error={}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        refresher.watchHubs(io.github.tldrbot.poll.HubWatcher.NONE);
        timer.shutdownNow();
        ingest.close();
        hubs.close();
    }
}
