package io.github.tldrbot.websub;

import io.github.tldrbot.feed.HubLinks;
import io.github.tldrbot.poll.HubWatcher;
import io.github.tldrbot.store.WebSubStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Records the hub a polled feed advertises (WebSub §4) and wakes the maintenance pass when a
 * subscribe request is due. The first hub is used (the recommendation asks for at least one); the
 * topic is the feed's {@code rel="self"}, else the URL it was fetched from. Each subscription gets
 * its own random callback id and secret, so a callback URL reveals nothing and cannot be guessed.
 */
final class HubSubscriber implements HubWatcher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSubStore store;
    private final Runnable wake;
    private final Clock clock;

    HubSubscriber(WebSubStore store, Runnable wake, Clock clock) {
        this.store = store;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public void seen(long feedId, HubLinks links, String feedUrl) {
        if (!links.advertised()) {
            return;
        }
        String topic = links.self() != null ? links.self() : feedUrl;
        String hub = links.hubs().get(0);
        // every poll of such a feed comes here: a read (concurrent) spares the single SQLite writer a write
        var known = store.findByFeed(feedId);
        if (known.isPresent() && known.get().hubUrl().equals(hub) && known.get().topicUrl().equals(topic)) {
            return;
        }
        if (store.advertise(feedId, hub, topic, random(24), random(32), clock.instant())) {
            wake.run();
        }
    }

    /** {@code bytes} random bytes, URL-safe base64 without padding. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
