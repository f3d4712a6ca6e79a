package io.github.tldrbot.usecase;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an OPML import did, one line per feed entry of the file, in file order.
 *
 * @param lines the entries' results
 */
public record ImportReport(List<Line> lines) {
    public ImportReport {
        lines = List.copyOf(lines);
    }

    /** What happened to one entry. */
    public enum Outcome {
        SUBSCRIBED("subscribed"),
        ALREADY_SUBSCRIBED("already subscribed"),
        DUPLICATE("duplicate in the file"),
        OVER_LIMIT("over the feed limit"),
        INVALID("invalid");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the line is a problem the user should read (not a success or a harmless repeat). */
        public boolean problem() {
            return this == OVER_LIMIT || this == INVALID;
        }
    }

    /**
     * @param line     the entry's line in the file
     * @param typed    its {@code xmlUrl} as written
     * @param title    its title, or null
     * @param feedUrl  the feed subscribed (or that would have been), null when the address is unusable
     * @param platform what a platform address resolved to ("YouTube channel → …"), or null
     * @param detail   why, for anything but a plain success; null otherwise
     */
    public record Line(int line, String typed, String title, String feedUrl, String platform, Outcome outcome, String detail) {
        /** "line 7: subscribed https://… (YouTube channel → …)" or "line 9: invalid 'ftp://x' — why". */
        public String describe() {
            StringBuilder text = new StringBuilder("line ").append(line).append(": ").append(outcome.label()).append(' ')
                    .append(feedUrl != null ? feedUrl : typed);
            if (platform != null) {
                text.append(" (").append(platform).append(')');
            }
            if (detail != null) {
                text.append(" — ").append(detail);
            }
            return text.toString();
        }
    }

    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        lines.forEach(l -> counts.merge(l.outcome(), 1L, Long::sum));
        return counts;
    }

    public long count(Outcome outcome) {
        return counts().get(outcome);
    }

    /** "3 subscribed, 1 already subscribed, 2 over the feed limit" (outcomes that happened only). */
    public String summary() {
        if (lines.isEmpty()) {
            return "the file holds no feeds (no <outline> with an xmlUrl)";
        }
        return counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    public List<Line> problems() {
        return lines.stream().filter(l -> l.outcome().problem()).toList();
    }

    /** The whole report as text, one line per entry (the CLI's output, Discord's attachment). */
    public String text() {
        return lines.stream().map(Line::describe).collect(Collectors.joining("\n", "", "\n")) + summary() + "\n";
    }
}
