package io.github.tldrbot.testing.discord;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The faults queued per channel; hands out the next one and counts down its uses. Thread-safe. */
final class FaultPlan {
    private final Map<Long, Deque<Fault>> byChannel = new HashMap<>();

    synchronized void add(long channelId, Fault fault) {
        byChannel.computeIfAbsent(channelId, id -> new ArrayDeque<>()).addLast(fault);
    }

    /** The fault to apply to the next request on this channel, consuming one use of it. */
    synchronized Optional<Fault> take(long channelId) {
        Deque<Fault> queue = byChannel.get(channelId);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        Fault head = queue.pollFirst();
        if (head.uses() < 0) {
            queue.addFirst(head);
        } else if (head.uses() > 1) {
            queue.addFirst(new Fault(head.kind(), head.status(), head.code(), head.message(),
                    head.delayMillis(), head.uses() - 1));
        }
        return Optional.of(head);
    }

    synchronized void clear(long channelId) {
        byChannel.remove(channelId);
    }

    synchronized void clearAll() {
        byChannel.clear();
    }
}
