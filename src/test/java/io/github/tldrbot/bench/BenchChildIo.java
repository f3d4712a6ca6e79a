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

    /** Garbage-collection time so far, all collectors, in ms. */
    static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
