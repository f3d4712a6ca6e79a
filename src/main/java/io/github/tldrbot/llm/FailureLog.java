package io.github.tldrbot.llm;

import org.slf4j.Logger;

import java.util.HashSet;
import java.util.Set;

/**
 * Logs model failures without flooding: the first occurrence of a cause (timeout, http-500, …) at
 * WARN with a one-line reason, repeats at DEBUG, and one INFO when a call succeeds again after any
 * failure; parts of an answer dropped by validation likewise once per kind. Every text is scrubbed
 * of the API key first, so a server that echoes the key back in an error body cannot leak it into
 * the logs. Thread-safe.
 */
final class FailureLog {

    private final Logger log;
    private final String model;
    private final String apiKey;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> droppedKinds = new HashSet<>();
    private boolean failing;

    FailureLog(Logger log, String model, String apiKey) {
        this.log = log;
        this.model = model;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** Records a failure; {@code reason} is one line saying what went wrong and what to do. */
    void failure(ModelCallException failure) {
        String reason = scrub(failure.getMessage());
        boolean first;
        synchronized (this) {
            failing = true;
            first = seen.add(failure.cause());
        }
        if (first) {
            log.warn("summarizer=openai model={} cause={} using the extractive card: {}", model, failure.cause(), reason);
        } else {
            log.debug("summarizer=openai model={} cause={} using the extractive card: {}", model, failure.cause(), reason);
        }
    }

    /**
     * Records that validation dropped part of an answer: each kind once at WARN (the operator learns
     * why cards lack a section), repeats at DEBUG. Kinds stay logged for the life of the summarizer.
     */
    void dropped(String field, String kind, String why) {
        boolean first;
        synchronized (this) {
            first = droppedKinds.add(kind);
        }
        if (first) {
            log.warn("summarizer=openai model={} dropped={} kind={}: {} (logged once per kind)", model, field, kind, scrub(why));
        } else {
            log.debug("summarizer=openai model={} dropped={} kind={}: {}", model, field, kind, scrub(why));
        }
    }

    void success() {
        boolean recovered;
        synchronized (this) {
            recovered = failing;
            failing = false;
            seen.clear();
        }
        if (recovered) {
            log.info("summarizer=openai model={} the model answers again; cards are model-written", model);
        }
    }

    /** {@code text} with the API key (if any) replaced by ****. */
    String scrub(String text) {
        if (text == null || apiKey == null) {
            return text;
        }
        return text.replace(apiKey, "****");
    }
}
