package io.github.tldrbot.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration ({@code 500ms 30s 15m 24h 3d}) and size ({@code 512KB 10MB 1GB}) notation of the config. */
final class Units {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    private Units() {
    }

    /** @throws IllegalArgumentException with a message saying which forms are accepted */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30s, 15m, 24h or 3d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static long size(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 512KB, 10MB or 1GB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kb" -> 1024L;
            case "mb" -> 1024L * 1024;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.multiplyExact(n, factor);
    }

    /** The shortest exact rendering, for {@code check-config}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    static String formatSize(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024 * 1024) + "GB";
        }
        if (bytes % (1024L * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024) + "MB";
        }
        if (bytes % 1024 == 0 && bytes > 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "B";
    }
}
