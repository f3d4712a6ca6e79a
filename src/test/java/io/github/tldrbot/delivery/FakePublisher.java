package io.github.tldrbot.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory chat service for delivery tests: records every message it posts, deduplicates a
 * repeated nonce per channel like Discord's {@code enforce_nonce}, answers history look-ups, and
 * can be scripted per channel to fail, refuse, block or "crash" the caller.
 */
final class FakePublisher implements Publisher {
    record Posted(long channelId, String messageId, String nonce, String link, OutgoingMessage message) {
    }

    record Announcement(long guildId, long channelId, String text) {
    }

    /** One scripted answer to a send. */
    @FunctionalInterface
    interface Step {
        SendResult answer(FakePublisher service, OutgoingMessage message);
    }

    /** Thrown into the worker to stand for the process dying mid-send; not a RuntimeException. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    final List<Posted> posted = new CopyOnWriteArrayList<>();
    final List<OutgoingMessage> calls = new CopyOnWriteArrayList<>();
    final List<Announcement> announcements = new CopyOnWriteArrayList<>();
    final List<Posted> edits = new CopyOnWriteArrayList<>();
    private final Map<String, String> byNonce = new ConcurrentHashMap<>();
    private final Map<Long, ConcurrentLinkedDeque<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<Long, Step> always = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    /** When false the service ignores nonces, as Discord does for webhook executes and forum posts. */
    volatile boolean recognisesRepeats = true;

    @Override
    public boolean recognisesRepeats(long channelId, io.github.tldrbot.store.SubscriptionTarget target) {
        return recognisesRepeats;
    }

    /** Queues answers for the channel's next sends; afterwards it posts normally. */
    FakePublisher script(long channelId, Step... steps) {
        scripts.computeIfAbsent(channelId, c -> new ConcurrentLinkedDeque<>()).addAll(List.of(steps));
        return this;
    }

    /** Answers every send to the channel this way until {@link #heal} (after any queued steps). */
    FakePublisher always(long channelId, Step step) {
        always.put(channelId, step);
        return this;
    }

    void heal(long channelId) {
        always.remove(channelId);
    }

    static Step retryLater(String reason, Duration retryAfter) {
        return (service, message) -> new SendResult.RetryLater(reason, retryAfter);
    }

    static Step refuse(String reason) {
        return (service, message) -> new SendResult.Refused(reason);
    }

    /** The service posts the message, then the caller dies before it can record the answer. */
    static Step postThenCrash() {
        return (service, message) -> {
            service.post(message);
            throw new SimulatedCrash();
        };
    }

    /** The caller dies before the service received anything. */
    static Step crashBeforePost() {
        return (service, message) -> {
            throw new SimulatedCrash();
        };
    }

    /** Holds the send until {@code release} opens, then posts it. */
    static Step blockUntil(CountDownLatch release) {
        return (service, message) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.RetryLater("interrupted", null);
            }
            return service.post(message);
        };
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        calls.add(message);
        ConcurrentLinkedDeque<Step> queued = scripts.get(message.channelId());
        Step step = queued == null ? null : queued.poll();
        if (step == null) {
            step = always.get(message.channelId());
        }
        return step == null ? post(message) : step.answer(this, message);
    }

    /** Posts unless the nonce was seen in this channel, in which case the earlier message is returned. */
    synchronized SendResult post(OutgoingMessage message) {
        String key = message.channelId() + "/" + message.nonce();
        String earlier = byNonce.get(key);
        if (earlier != null) {
            return new SendResult.Sent(earlier);
        }
        String id = Long.toString(ids.incrementAndGet());
        byNonce.put(key, id);
        posted.add(new Posted(message.channelId(), id, message.nonce(), message.article().link(), message));
        return new SendResult.Sent(id);
    }

    /** Edits the posted message in place (content replaced); a deleted one answers Gone. */
    @Override
    public synchronized SendResult edit(long channelId, String messageId, OutgoingMessage message) {
        edits.add(new Posted(channelId, messageId, null, message.article().link(), message));
        for (int i = 0; i < posted.size(); i++) {
            Posted p = posted.get(i);
            if (p.channelId() == channelId && p.messageId().equals(messageId)) {
                posted.set(i, new Posted(channelId, messageId, p.nonce(), p.link(), message));
                return new SendResult.Sent(messageId);
            }
        }
        return new SendResult.Gone("the message was deleted");
    }

    /** A moderator deletes the message. */
    synchronized void delete(String messageId) {
        posted.removeIf(p -> p.messageId().equals(messageId));
    }

    @Override
    public Optional<String> findRecentMessage(long channelId, String articleLink) {
        return posted.stream().filter(p -> p.channelId() == channelId && p.link().equals(articleLink))
                .map(Posted::messageId).findFirst();
    }

    /** Channels this service can see, by guild (the rest are unknown to it: another shard's, or gone). */
    final Map<Long, Long> guildOfChannel = new ConcurrentHashMap<>();

    @Override
    public Optional<Long> guildOf(long channelId) {
        return Optional.ofNullable(guildOfChannel.get(channelId));
    }

    @Override
    public boolean announce(long guildId, long preferredChannelId, String text) {
        announcements.add(new Announcement(guildId, preferredChannelId, text));
        return true;
    }

    List<Posted> postedTo(long channelId) {
        List<Posted> list = new ArrayList<>();
        posted.stream().filter(p -> p.channelId() == channelId).forEach(list::add);
        return list;
    }

    long callsTo(long channelId) {
        return calls.stream().filter(m -> m.channelId() == channelId).count();
    }
}
