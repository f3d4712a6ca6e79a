package io.github.tldrbot.testing.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every REST request the stand-in answered, in arrival order; thread-safe. */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    synchronized void clear() {
        requests.clear();
    }
}
