package io.github.tldrbot.delivery;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * deduplicated by the service. At {@link #start()}, rows still {@code sending} from a crash are
 * settled: younger than the nonce window they are simply sent again with the same nonce; older
 * ones are first looked up among the channel's recent messages and marked sent when found.
 *
 * <p><b>Refusals.</b> A 403/404 pauses the subscription with the reason and announces it once.
 * Its pending deliveries, including the refused one, stay {@code pending}: they are not picked while
 * the subscription is paused. Every {@code probeEvery} a paused subscription with pending cards is
 * probed: its oldest card is tried again; success resumes it (the rest follow, oldest first), a
 * refusal pauses it again silently. So a moderator who fixes the permissions loses nothing. Temporary failures back off exponentially and
 * mark the delivery failed after {@code maxAttempts} sends.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final OutgoingMessageLoader messages;
    private final FeedDisabledNotifier disabledFeeds;
    private final Publisher publisher;
    private final DeliverySettings settings;
    private final Clock clock;
    private final RetryBackoff backoff;

    private final Set<Long> activeLanes = ConcurrentHashMap.newKeySet();
    /** Channels seen with due work while their lane was busy: scanned again when the lane ends. */
    private final Set<Long> rescan = ConcurrentHashMap.newKeySet();
    /** In-memory per-channel backoff: no lane starts for the channel before this time. */
    private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private volatile Instant lastProbe = Instant.EPOCH;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile ScheduledExecutorService dispatcher;
    private volatile ExecutorService lanes;

    /**
     * @param disabledFeeds run on every scan, so a disabled feed is announced soon after the poller disables it
     * @param random        retry jitter; must be thread-safe (lanes draw from it concurrently)
     */
    public DeliveryWorker(DeliveryStore deliveries, SubscriptionStore subscriptions, OutgoingMessageLoader messages,
                          FeedDisabledNotifier disabledFeeds, Publisher publisher, DeliverySettings settings,
                          Clock clock, RandomGenerator random) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.disabledFeeds = disabledFeeds;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new RetryBackoff(settings.minBackoff(), settings.maxBackoff(), random);
    }

    /** As the full constructor, with a thread-safe {@link java.util.Random} for the retry jitter. */
    public DeliveryWorker(DeliveryStore deliveries, SubscriptionStore subscriptions, OutgoingMessageLoader messages,
                          FeedDisabledNotifier disabledFeeds, Publisher publisher, DeliverySettings settings, Clock clock) {
        this(deliveries, subscriptions, messages, disabledFeeds, publisher, settings, clock, new java.util.Random());
    }

    /** Settles sends interrupted by a crash, then starts scanning and sending. */
    public synchronized void start() {
        if (dispatcher != null) {
            throw new IllegalStateException("delivery worker already started");
        }
        recoverSending();
        dispatcher = Executors.newSingleThreadScheduledExecutor(named("delivery-dispatch"));
        lanes = Executors.newFixedThreadPool(settings.lanes(), named("delivery-lane"));
        long every = Math.max(1, settings.pollEvery().toMillis());
        dispatcher.scheduleWithFixedDelay(this::scan, 0, every, TimeUnit.MILLISECONDS);
        log.info("delivery worker started: lanes={} poll_every={}", settings.lanes(), settings.pollEvery());
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

    /**
     * Resolves rows left {@code sending} by an earlier process; runs in {@link #start()} before any
     * lane. Returns how many rows were settled.
     */
    int recoverSending() {
        Instant now = clock.instant();
        int settled = 0;
        for (Delivery delivery : deliveries.listSending()) {
            boolean young = delivery.lastAttemptAt() != null
                    && delivery.lastAttemptAt().isAfter(now.minus(settings.nonceWindow()));
            if (delivery.isEdit()) {
                deliveries.release(delivery.id(), "interrupted edit; applied again (an edit can be repeated)", now);
            } else if (young) {
                deliveries.release(delivery.id(), "interrupted send; repeated with the same nonce", now);
            } else {
                Optional<String> earlier = messages.articleLink(delivery.articleId())
                        .flatMap(link -> publisher.findRecentMessage(delivery.channelId(), link));
                if (earlier.isPresent()) {
                    deliveries.markSent(delivery.id(), earlier.get(), now);
                } else {
                    deliveries.release(delivery.id(), "interrupted send, not found in the channel; sent again", now);
                }
            }
            log.info("interrupted delivery settled: delivery={} channel={} young={}", delivery.id(), delivery.channelId(), young);
            settled++;
        }
        return settled;
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
            probePaused();
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

    /** Lets paused subscriptions that still have cards waiting try again, every {@code probeEvery}. */
    private void probePaused() {
        Instant now = clock.instant();
        if (lastProbe.plus(settings.probeEvery()).isAfter(now)) {
            return;
        }
        boolean first = lastProbe.equals(Instant.EPOCH);
        lastProbe = now;
        if (first) {
            return; // not at start-up: a pause is at least probeEvery old before its first probe
        }
        for (Subscription s : subscriptions.listAll()) {
            if (s.status() == io.github.tldrbot.store.SubscriptionStatus.PAUSED
                    && deliveries.listForSubscription(s.id()).stream().anyMatch(d -> d.status() == io.github.tldrbot.store.DeliveryStatus.PENDING)
                    && subscriptions.probe(s.id())) {
                log.info("probing paused subscription: subscription={} channel={} reason={}", s.id(), s.channelId(), s.pausedReason());
            }
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
        Optional<Subscription> subscription = subscriptions.findById(delivery.subscriptionId());
        if (subscription.isEmpty()) {
            return true; // deleted meanwhile; its deliveries went with it
        }
        if (delivery.isEdit()) {
            return edit(delivery, subscription.get());
        }
        LoadedMessage loaded = messages.load(delivery, subscription.get());
        if (loaded.skipReason() != null) {
            deliveries.markSkipped(delivery.id(), loaded.skipReason(), clock.instant());
            log.warn("delivery skipped: delivery={} article={} reason={}", delivery.id(), delivery.articleId(), loaded.skipReason());
            return true;
        }
        SendResult result;
        try {
            result = publisher.send(loaded.message());
        } catch (RuntimeException e) {
            result = new SendResult.RetryLater("publisher error: " + e, null);
        }
        Instant now = clock.instant();
        if (!(result instanceof SendResult.Sent) && closing.get() && Thread.currentThread().isInterrupted()) {
            // Abandoned by close(): the message may or may not have gone out. Leaving the row in
            // 'sending' makes the next start check (nonce, then channel history) instead of guessing.
            return false;
        }
        if (result instanceof SendResult.Sent sent) {
            deliveries.markSent(delivery.id(), sent.messageId(), now);
            if (subscription.get().pausedReason() != null && subscriptions.resume(subscription.get().id())) {
                log.info("subscription resumed: subscription={} channel={}", subscription.get().id(), delivery.channelId());
            }
            log.debug("delivered: delivery={} channel={} message={}", delivery.id(), delivery.channelId(), sent.messageId());
            return true;
        } else if (result instanceof SendResult.RetryLater retry) {
            return onRetryLater(delivery, retry, now);
        } else {
            SendResult.Refused refused = (SendResult.Refused) result;
            deliveries.release(delivery.id(), refused.reason(), now);
            pause(subscription.get(), loaded.message(), refused.reason());
            return true;
        }
    }

    /**
     * Applies a story card's edit (SPEC §6.2a): the card that delivery {@code editOf} posted is
     * rendered again from the store — the story as it stands, every source so far — and written over
     * the message. A card not posted yet needs no edit (it shows every source when it goes out); a
     * deleted message is never posted again. Repeating an edit after a crash writes the same content,
     * so an edit is applied once per version whatever happens in between.
     */
    private boolean edit(Delivery edit, Subscription subscription) {
        Instant now = clock.instant();
        Optional<Delivery> posted = deliveries.findEdited(edit);
        if (posted.isEmpty() || posted.get().status() == DeliveryStatus.SKIPPED
                || posted.get().status() == DeliveryStatus.FAILED) {
            deliveries.markSkipped(edit.id(), "the story's card was not posted in this channel", now);
            return true;
        }
        Delivery card = posted.get();
        if (card.status() != DeliveryStatus.SENT || card.messageId() == null
                || card.lastAttemptAt() != null && edit.createdAt().isBefore(card.lastAttemptAt())) {
            // the card is rendered from the store when its send starts: a source stored before that is on it
            deliveries.markSkipped(edit.id(), "the story's card was not posted yet; it shows this source when it is", now);
            return true;
        }
        Optional<Subscription> cardSubscription = subscriptions.findById(card.subscriptionId());
        LoadedMessage loaded = messages.load(card, cardSubscription.orElse(subscription));
        if (loaded.skipReason() != null) {
            deliveries.markSkipped(edit.id(), loaded.skipReason(), now);
            return true;
        }
        SendResult result;
        try {
            result = publisher.edit(card.channelId(), card.messageId(), loaded.message());
        } catch (RuntimeException e) {
            result = new SendResult.RetryLater("publisher error: " + e, null);
        }
        now = clock.instant();
        if (result instanceof SendResult.Sent) {
            deliveries.markEdited(edit, now);
            log.debug("story card edited: delivery={} channel={} message={}", edit.id(), edit.channelId(), card.messageId());
            return true;
        } else if (result instanceof SendResult.Gone) {
            deliveries.markStoryCardDeleted(edit, now);
            log.info("story card deleted by a moderator; not edited or posted again: channel={} message={}",
                    edit.channelId(), card.messageId());
            return true;
        } else if (result instanceof SendResult.RetryLater retry) {
            return onRetryLater(edit, retry, now);
        }
        SendResult.Refused refused = (SendResult.Refused) result;
        deliveries.release(edit.id(), refused.reason(), now);
        pause(subscription, loaded.message(), refused.reason());
        return true;
    }

    private boolean onRetryLater(Delivery delivery, SendResult.RetryLater retry, Instant now) {
        if (delivery.attempts() >= settings.maxAttempts()) {
            String reason = "gave up after " + delivery.attempts() + " attempts; last error: " + retry.reason();
            deliveries.markFailed(delivery.id(), reason, now);
            log.warn("delivery failed: delivery={} channel={} reason={}", delivery.id(), delivery.channelId(), reason);
            return true;
        }
        Duration delay = backoff.delay(delivery.attempts(), retry.retryAfter());
        Instant next = now.plus(delay);
        deliveries.markRetry(delivery.id(), retry.reason(), next);
        notBefore.put(delivery.channelId(), next);
        log.info("delivery retry later: delivery={} channel={} attempts={} next_attempt={} error={}",
                delivery.id(), delivery.channelId(), delivery.attempts(), next, retry.reason());
        return false;
    }

    private void pause(Subscription subscription, OutgoingMessage message, String reason) {
        if (!subscriptions.pause(subscription.id(), reason)) {
            return;
        }
        log.warn("subscription paused: subscription={} channel={} reason={}", subscription.id(), subscription.channelId(), reason);
        if (subscription.guildId() == null || subscriptions.findById(subscription.id()).map(Subscription::pauseAnnounced).orElse(true)) {
            return;
        }
        String feed = message.feedTitle() == null ? "a feed" : "\"" + message.feedTitle() + "\"";
        String text = "tldr-bot: posting " + feed + " to <#" + subscription.channelId() + "> is paused because "
                + reason + "; give the bot View Channel, Send Messages and Embed Links there — it retries every "
                + settings.probeEvery().toMinutes() + " minutes and resumes by itself, nothing is lost.";
        if (publisher.announce(subscription.guildId(), subscription.channelId(), text)) {
            subscriptions.markPauseAnnounced(subscription.id());
        } else {
            log.warn("pause notice not delivered: subscription={} guild={}", subscription.id(), subscription.guildId());
        }
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
        lanes.shutdown();
        try {
            if (!lanes.awaitTermination(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("delivery worker closed with sends in flight; they are settled at the next start");
                lanes.shutdownNow();
            }
        } catch (InterruptedException e) {
            lanes.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
