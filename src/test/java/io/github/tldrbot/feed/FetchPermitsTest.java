package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FetchPermitsTest {

    @Test
    void tenThousandHostsLeaveNoSemaphoreBehind() throws InterruptedException {
        FetchPermits permits = new FetchPermits(32, 2);

        for (int i = 0; i < 10_000; i++) {
            FetchPermits.Lease lease = permits.acquire("host-" + i + ".example.org");
            assertThat(permits.trackedHosts()).isEqualTo(1);
            lease.close();
        }

        assertThat(permits.trackedHosts()).isZero();
    }

    @Test
    void aThirdRequestToTheSameHostWaitsButAnotherHostDoesNot() throws Exception {
        FetchPermits permits = new FetchPermits(8, 2);
        FetchPermits.Lease first = permits.acquire("a.example");
        FetchPermits.Lease second = permits.acquire("a.example");
        AtomicBoolean thirdGotIn = new AtomicBoolean();
        Thread third = new Thread(() -> {
            try {
                permits.acquire("a.example").close();
                thirdGotIn.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> permits.acquire("b.example").close());
        assertThat(thirdGotIn).isFalse();
        first.close();
        await().atMost(Duration.ofSeconds(20)).untilTrue(thirdGotIn);
        second.close();
        third.join();
        assertThat(permits.trackedHosts()).isZero();
    }

    @Test
    void anInterruptedWaiterLeavesNothingBehind() throws Exception {
        FetchPermits permits = new FetchPermits(1, 1);
        FetchPermits.Lease held = permits.acquire("a.example");
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                permits.acquire("b.example").close();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> permits.trackedHosts() == 2);

        waiter.interrupt();
        interrupted.await();
        held.close();
        held.close(); // a second close must not release a permit twice

        assertThat(permits.trackedHosts()).isZero();
        try (FetchPermits.Lease lease = permits.acquire("c.example")) {
            assertThat(lease).isNotNull();
        }
    }
}
