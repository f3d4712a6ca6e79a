package io.github.tldrbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of every PostgreSQL process on this machine, from {@code /proc}: user + system time of
 * each live {@code postgres} process plus what it collected from its exited children (the postmaster
 * reaps ended backends). The benchmark's embedded server is the only one running during a benchmark,
 * so the difference around a round is what the store's server spent on it — CPU the bot's own
 * process time does not include when the store is PostgreSQL.
 */
final class PostgresCpu {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private PostgresCpu() {
    }

    /** Milliseconds of CPU used so far by all {@code postgres} processes; 0 where there is no /proc. */
    static long millis() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(q -> q.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                ticks += ticks(p);
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long ticks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            // fields after "(comm)": state is field 3; utime 14, stime 15, cutime 16, cstime 17
            String[] f = stat.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
