package io.github.tldrbot.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health} (SPEC §11): named checks, each null when fine or a one-line problem; healthy
 * when all are fine. The store and, in Discord mode, the gateway sessions are checked.
 */
public final class Health {
    private final Map<String, Supplier<String>> checks = new LinkedHashMap<>();

    /** Adds a check: {@code problem} returns null when fine. */
    public Health check(String name, Supplier<String> problem) {
        checks.put(name, problem);
        return this;
    }

    /** Each check's result, "ok" or its problem, in the order added. */
    public Map<String, String> run() {
        Map<String, String> results = new LinkedHashMap<>();
        checks.forEach((name, check) -> {
            String problem;
            try {
                problem = check.get();
            } catch (RuntimeException e) {
                problem = String.valueOf(e.getMessage());
            }
            results.put(name, problem == null ? "ok" : problem);
        });
        return results;
    }
}
