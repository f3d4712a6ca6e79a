package io.github.tldrbot.discord;

import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Custom ids of the recap paging buttons. A click re-runs the query, so the id carries the request
 * (not the results): {@code recap:<page>:<d|w|m>:<limit>:<now, epoch s, base 36>:<feed id, base 36>:<audience>:<topic>}.
 * The guild is not in the id: it is taken from the click, so a button can only show its own
 * server's feeds. Discord allows {@value #MAX_LENGTH} chars; a request too long for that (a long
 * topic) is kept in a small in-memory table instead and the id names its entry
 * ({@code recap:<page>:k:<key>}); after a restart such buttons ask to run {@code /recap} again.
 */
final class RecapPageIds {
    static final String PREFIX = "recap";
    static final int MAX_LENGTH = 100;
    private static final int REMEMBERED = 2048;

    /** A decoded click: the request (guild filled in from the click) and the page wanted, 0-based. */
    record Click(RecapRequest request, int page) {
    }

    private final Map<String, RecapRequest> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecapRequest> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long nextKey;

    /** The id of the button that shows {@code page} of {@code request}; {@code now} must be whole seconds. */
    String encode(RecapRequest request, int page) {
        String id = PREFIX + ":" + page + ":" + request.period().id().charAt(0) + ":" + request.limit() + ":"
                + Long.toString(request.now().getEpochSecond(), 36) + ":"
                + (request.feedId() == null ? "" : Long.toString(request.feedId(), 36)) + ":"
                + (request.audience() == null ? "" : request.audience()) + ":"
                + (request.topic() == null ? "" : request.topic());
        boolean audienceSafe = request.audience() == null || request.audience().indexOf(':') < 0;
        if (id.length() <= MAX_LENGTH && audienceSafe) {
            return id;
        }
        return PREFIX + ":" + page + ":k:" + remember(request);
    }

    /** The click's request and page, or empty when the id is malformed or names a forgotten request. */
    Optional<Click> decode(String id, long guildId) {
        String[] parts = id.split(":", 8);
        try {
            if (parts.length < 4 || !parts[0].equals(PREFIX)) {
                return Optional.empty();
            }
            int page = Integer.parseInt(parts[1]);
            if (parts[2].equals("k")) {
                RecapRequest saved;
                synchronized (remembered) {
                    saved = remembered.get(parts[3]);
                }
                return Optional.ofNullable(saved).filter(r -> r.guildId() == guildId).map(r -> new Click(r, page));
            }
            if (parts.length != 8) {
                return Optional.empty();
            }
            RecapPeriod period = switch (parts[2]) {
                case "d" -> RecapPeriod.DAY;
                case "w" -> RecapPeriod.WEEK;
                case "m" -> RecapPeriod.MONTH;
                default -> throw new IllegalArgumentException("period " + parts[2]);
            };
            RecapRequest request = new RecapRequest(guildId, period, emptyToNull(parts[6]), emptyToNull(parts[7]),
                    parts[5].isEmpty() ? null : Long.parseLong(parts[5], 36), Integer.parseInt(parts[3]),
                    Instant.ofEpochSecond(Long.parseLong(parts[4], 36)));
            return Optional.of(new Click(request, page));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String remember(RecapRequest request) {
        synchronized (remembered) {
            String key = Long.toString(nextKey++, 36);
            remembered.put(key, request);
            return key;
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
