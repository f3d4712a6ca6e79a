package io.github.tldrbot.discord;

import java.lang.reflect.Field;
import java.util.concurrent.Future;
import net.dv8tion.jda.api.sharding.DefaultShardManager;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a race in JDA 6.5.0's {@link DefaultShardManager}: {@code runQueueWorker} assigns
 * {@code worker = executor.submit(task)} while the task itself sets {@code worker = null} when the
 * queue is empty. With one configured shard the queue is empty after {@code login()}, the task can
 * finish before the assignment, and {@code worker} then keeps a finished future forever: every later
 * {@code start(shardId)} is queued and never built (seen in ClusterFaultTest: a takeover that never
 * logged in). Clearing a finished worker before {@code start} lets the manager submit a new one.
 */
final class ShardQueueWorker {
    private static final Logger log = LoggerFactory.getLogger(ShardQueueWorker.class);

    private ShardQueueWorker() {
    }

    /** Forgets the manager's queue worker if it has finished, under the lock the manager uses for it. */
    static void clearFinished(ShardManager manager) {
        if (!(manager instanceof DefaultShardManager)) {
            return;
        }
        try {
            Field queueField = DefaultShardManager.class.getDeclaredField("queue");
            Field workerField = DefaultShardManager.class.getDeclaredField("worker");
            queueField.setAccessible(true);
            workerField.setAccessible(true);
            Object queue = queueField.get(manager);
            synchronized (queue) {
                Future<?> worker = (Future<?>) workerField.get(manager);
                if (worker != null && worker.isDone()) {
                    workerField.set(manager, null);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another JDA version: start() works or fails on its own, and the takeover retries
            log.debug("could not inspect the shard manager's queue worker: {}", e.toString());
        }
    }
}
