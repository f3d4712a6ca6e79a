package io.github.tldrbot.delivery;


import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.config.Shards;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * Drains the deliveries outbox through the {@link Publisher} (SPEC §6.2–6.4).
 *
 * <p><b>Lanes.</b> Each channel with due work gets a lane: a task on a bounded pool that sends that
 * channel's deliveries one after another, oldest article first. A channel has at most one lane, so
 * its messages keep their order and its rate limit is met by one sender; a slow or failing channel
 * occupies one thread at most and the others keep going. A lane that meets a temporary failure
 * records the retry time, sets the channel's not-before time and ends, so no thread ever sleeps
 * through a backoff. A lane gives its thread back after {@code laneBatch} sends.
 *
 * <p><b>Scans.</b> A single dispatcher thread scans for channels with due work when woken
 * ({@link #wake()}, called by the {@link OutboxCardSink} after enqueueing) and every
 * {@code pollEvery}, which also picks up retries and work left by an earlier process. Each scan
 * also runs the {@link FeedDisabledNotifier}.
 *
 * <p><b>Exactly once.</b> A row is marked {@code sending} (one more attempt) before the send and
 * {@code sent} with the message id after it; the nonce is derived from the row id, so a repeat is
 * deduplicated by the service. {@link #start()} first settles rows a crash left {@code sending}.
 *
 * <p><b>Failures.</b> A 403/404 pauses the subscription (its rows stay pending and are probed
 * later); temporary failures back off exponentially and mark the delivery failed after
 * {@code maxAttempts} sends.
 *
 * <p><b>Shards.</b> With several processes (SPEC §13) the store hands this worker only rows of its
 * own shards' guilds, and rows whose guild is not known yet. A row whose channel belongs to
 * another process ({@link ShardOwnership}) is given back untouched — not failed, not paused — and
 * the channel is left alone here for {@value #NOT_MINE_WAIT_SECONDS} s.
 *
 * <p>Crash recovery ({@link SendingRecovery}), pauses and probes ({@link PausedSubscriptions}) and
 * story-card edits ({@link StoryCardEdits}) live in their own classes.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long a channel of another process's shard is left alone after a look. */
    static final int NOT_MINE_WAIT_SECONDS = 60;

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final OutgoingMessageLoader messages;
    private final FeedDisabledNotifier disabledFeeds;
    private final Publisher publisher;
    private final DeliverySettings settings;
    private final Clock clock;
    private final FailedSends failures;
    private volatile DeliveryEvents events = DeliveryEvents.NONE;
    private final SendingRecovery recovery;
    private final PausedSubscriptions pauses;
    private final StoryCardEdits edits;
    private final ShardOwnership ownership;

    private final Set<Long> activeLanes = ConcurrentHashMap.newKeySet();
    /** Channels seen with due work while their lane was busy: scanned again when the lane ends. */
    private final Set<Long> rescan = ConcurrentHashMap.newKeySet();
    /** In-memory per-channel backoff: no lane starts for the channel before this time. */
    private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile ScheduledExecutorService dispatcher;
    private volatile ExecutorService lanes;

    /**
     * @param disabledFeeds run on every scan, so a disabled feed is announced soon after the poller disables it
     * @param random        retry jitter; must be thread-safe (lanes draw from it concurrently)
     * @param shards        this process's shards: channels of other shards' guilds are left to their processes
     */
    public DeliveryWorker(DeliveryStore deliveries, SubscriptionStore subscriptions, OutgoingMessageLoader messages,
                          FeedDisabledNotifier disabledFeeds, Publisher publisher, DeliverySettings settings,
                          Clock clock, RandomGenerator random, Shards shards) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.disabledFeeds = disabledFeeds;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.recovery = new SendingRecovery(deliveries, messages, publisher, settings.nonceWindow(), clock);
        this.pauses = new PausedSubscriptions(subscriptions, deliveries, publisher, settings.probeEvery(), shards, clock);
        this.failures = new FailedSends(deliveries, pauses, new RetryBackoff(settings.minBackoff(), settings.maxBackoff(), random),
                settings.maxAttempts(), notBefore, clock);
        this.edits = new StoryCardEdits(deliveries, subscriptions, messages, publisher, clock);
        this.ownership = new ShardOwnership(shards, subscriptions, publisher);
    }

    /** Settles sends interrupted by a crash, then starts scanning and sending. */
    public synchronized void start() {
        if (dispatcher != null) {
            throw new IllegalStateException("delivery worker already started");
        }
        recovery.run();
        dispatcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("delivery-dispatch"));
        lanes = Executors.newFixedThreadPool(settings.lanes(), DaemonThreads.numbered("delivery-lane-"));
        long every = Math.max(1, settings.pollEvery().toMillis());
        dispatcher.scheduleWithFixedDelay(this::scan, 0, every, TimeUnit.MILLISECONDS);
        log.info("delivery worker started: lanes={} poll_every={}", settings.lanes(), settings.pollEvery());
    }

    /** Reports sends and failures to {@code events} from now on (metrics). */
    public void reportTo(DeliveryEvents events) {
        this.events = events;
        failures.reportTo(events);
    }

    /**
     * Settles, on the scanning thread, the rows a dead process left {@code sending} in the guilds of
     * the shards run now (SPEC §13: called on every heartbeat and after taking over a shard), then
     * scans. Safe before start (recovery then runs at start anyway).
     */
    public void settleOrphans() {
        ScheduledExecutorService current = dispatcher;
        if (current == null || closing.get()) {
            return;
        }
        try {
            current.execute(recovery.task(this::scan));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Asks for a scan soon (new deliveries were enqueued). Cheap; coalesces bursts; safe before start. */
    public void wake() {
        ScheduledExecutorService current = dispatcher;
        if (current == null || closing.get() || !scanQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(this::scan);
        } catch (RejectedExecutionException e) {
            scanQueued.set(false);
        }
    }

    private void scan() {
        scanQueued.set(false);
        if (closing.get()) {
            return;
        }
        try {
            disabledFeeds.announceNew();
        } catch (RuntimeException e) {
            log.warn("announcing disabled feeds failed: error={}", e.toString(), e);
        }
        try {
            pauses.probeDue();
        } catch (RuntimeException e) {
            log.warn("probing paused subscriptions failed: error={}", e.toString(), e);
        }
        try {
            Instant now = clock.instant();
            for (long channel : deliveries.listChannelsWithDue(now)) {
                Instant wait = notBefore.get(channel);
                if (wait != null && wait.isAfter(now)) {
                    continue;
                }
                if (!activeLanes.add(channel)) {
                    rescan.add(channel);
                    continue;
                }
                try {
                    lanes.execute(() -> runLane(channel));
                } catch (RejectedExecutionException e) {
                    activeLanes.remove(channel);
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("delivery scan failed: error={}", e.toString(), e);
        }
    }

    private void runLane(long channel) {
        boolean more = false;
        try {
            int sent = 0;
            while (!closing.get()) {
                Optional<Delivery> next = deliveries.claimNext(channel, clock.instant());
                if (next.isEmpty() || !deliver(next.get())) {
                    break;
                }
                if (++sent >= settings.laneBatch()) {
                    more = true;
                    break;
                }
            }
        } catch (RuntimeException e) {
            if (closing.get()) {
                log.info("delivery lane abandoned at shutdown: channel={} error={}", channel, e.toString());
                return;
            }
            log.warn("delivery lane failed: channel={} error={}", channel, e.toString(), e);
            notBefore.put(channel, clock.instant().plus(settings.minBackoff()));
        } finally {
            activeLanes.remove(channel);
            if (rescan.remove(channel) || more) {
                wake();
            }
        }
    }

    /** Sends one claimed delivery and records the outcome; false when the channel must wait. */
    private boolean deliver(Delivery delivery) {
        Optional<Subscription> found = subscriptions.findById(delivery.subscriptionId());
        if (found.isEmpty()) {
            return true; // deleted meanwhile; its deliveries went with it
        }
        Optional<Subscription> mine = ownership.mine(found.get());
        if (mine.isEmpty()) {
            deliveries.unclaim(delivery.id());
            notBefore.put(delivery.channelId(), clock.instant().plusSeconds(NOT_MINE_WAIT_SECONDS));
            log.debug("delivery left to the process of another shard: delivery={} channel={}", delivery.id(), delivery.channelId());
            return false;
        }
        Subscription subscription = mine.get();
        if (delivery.isEdit()) {
            Optional<StoryCardEdits.Failure> failure = edits.apply(delivery, subscription);
            return failure.isEmpty() || failures.settle(delivery, subscription, failure.get().message(), failure.get().result());
        }
        LoadedMessage loaded = messages.load(delivery, subscription);
        if (loaded.skipReason() != null) {
            deliveries.markSkipped(delivery.id(), loaded.skipReason(), clock.instant());
            events.skipped();
            log.warn("delivery skipped: delivery={} article={} reason={}", delivery.id(), delivery.articleId(), loaded.skipReason());
            return true;
        }
        SendResult result;
        long started = System.nanoTime();
        try {
            result = publisher.send(loaded.message());
        } catch (RuntimeException e) {
            result = new SendResult.RetryLater("publisher error: " + e, null);
        }
        if (!(result instanceof SendResult.Sent) && closing.get() && Thread.currentThread().isInterrupted()) {
            // Abandoned by close(): the message may or may not have gone out. Leaving the row in
            // 'sending' makes the next start check (nonce, then channel history) instead of guessing.
            return false;
        }
        if (result instanceof SendResult.Sent sent) {
            deliveries.markSent(delivery.id(), sent.messageId(), clock.instant());
            events.sent(Duration.ofNanos(System.nanoTime() - started));
            if (subscription.pausedReason() != null && subscriptions.resume(subscription.id())) {
                log.info("subscription resumed: subscription={} channel={}", subscription.id(), delivery.channelId());
            }
            log.debug("delivered: delivery={} channel={} message={}", delivery.id(), delivery.channelId(), sent.messageId());
            return true;
        }
        return failures.settle(delivery, subscription, loaded.message(), result);
    }

    /**
     * Stops scanning, lets in-flight sends finish for up to {@code closeTimeout}, then abandons them:
     * their rows stay {@code sending} and the next {@link #start()} settles them.
     */
    @Override
    public synchronized void close() {
        if (dispatcher == null || !closing.compareAndSet(false, true)) {
            return;
        }
        dispatcher.shutdownNow();
        if (!DaemonThreads.shutdown(lanes, settings.closeTimeout())) {
            log.warn("delivery worker closed with sends in flight; they are settled at the next start");
        }
    }
}
