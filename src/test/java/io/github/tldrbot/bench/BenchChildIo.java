package io.github.tldrbot.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child side of {@link PollCycleBenchmark}'s line protocol: the parent writes {@code ROUND r}
 * or {@code QUIT}; the child answers each round with one {@code RESULT key=value …} line. Also the
 * process measurements both children report the same way.
 */
final class BenchChildIo {
    private static final BufferedReader PARENT = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private BenchChildIo() {
    }

    /** The next round number, or -1 for QUIT / end of input. */
    static int nextRound() throws Exception {
        System.out.println("READY");
        System.out.flush();
        String line = PARENT.readLine();
        if (line == null || line.equals("QUIT")) {
            return -1;
        }
        if (!line.startsWith("ROUND ")) {
            throw new IllegalStateException("unexpected command from the parent: " + line);
        }
        return Integer.parseInt(line.substring(6).trim());
    }

    static void result(String fields) {
        System.out.println("RESULT " + fields);
        System.out.flush();
    }

    /** CPU time of the whole process (all threads: pollers, JIT, GC), in nanoseconds. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A value in kB from /proc/self/status (VmRSS, VmHWM), or -1. */
    static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time so far of every live thread of this process, by thread group (the name without its
     * digits: {@code feed-refresh-}, {@code C2 CompilerThre}, {@code GC Thread#} …), in clock ticks
     * of /proc/self/task/N/stat — JVM threads (JIT, GC) included; empty where /proc is absent.
     */
    static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state is field 3 of stat, utime field 14, stime field 15
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.merge(stat.substring(open + 1, close).replaceAll("\\d+", ""), used, Long::sum);
                } catch (Exception gone) {
                    // the thread ended while we read
                }
            }
        } catch (Exception e) {
            return ticks;
        }
        return ticks;
    }

    /**
     * One line: the CPU seconds each thread group used since {@code before} (largest first, groups
     * under 1 % of the total left out) and what threads that ended took ({@code ended}).
     */
    static String describeThreadCpu(java.util.Map<String, Long> before, long processCpuNanos) {
        java.util.Map<String, Long> after = threadTicks();
        double tick = 0.01; // USER_HZ is 100 on Linux
        java.util.List<java.util.Map.Entry<String, Double>> used = new java.util.ArrayList<>();
        double sum = 0;
        for (var e : after.entrySet()) {
            double seconds = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) * tick;
            sum += seconds;
            used.add(java.util.Map.entry(e.getKey(), seconds));
        }
        used.sort(java.util.Map.Entry.<String, Double>comparingByValue().reversed());
        double total = processCpuNanos / 1e9;
        StringBuilder line = new StringBuilder(String.format("cpu by thread: total %.2fs", total));
        for (var e : used) {
            if (e.getValue() >= 0.01 * total) {
                line.append(String.format(", %s %.2fs", e.getKey().strip(), e.getValue()));
            }
        }
        return line.append(String.format(", ended threads %.2fs", Math.max(0, total - sum))).toString();
    }

    /** Garbage-collection time so far, all collectors, in ms. */
    static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
