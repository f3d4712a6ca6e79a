package io.github.tldrbot.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * What a feed advertises for WebSub (W3C WebSub §4): the hubs that push it ({@code rel="hub"}) and
 * its canonical topic URL ({@code rel="self"}), from the document's {@code atom:link} elements or the
 * HTTP {@code Link:} header. The spec lets a subscriber use either; the header wins where both say
 * something, because a publisher that sends one means it for this very response.
 *
 * @param hubs absolute hub URLs in the order given, without duplicates
 * @param self the topic URL, or null when the feed names none
 */
public record HubLinks(List<String> hubs, String self) {
    public static final HubLinks NONE = new HubLinks(List.of(), null);

    public HubLinks {
        hubs = List.copyOf(hubs);
    }

    /** Whether a hub is advertised at all. */
    public boolean advertised() {
        return !hubs.isEmpty();
    }

    /** These links with {@code fallback}'s filling what these leave out (hubs from both, ours first). */
    public HubLinks or(HubLinks fallback) {
        List<String> all = new ArrayList<>(hubs);
        for (String hub : fallback.hubs) {
            if (!all.contains(hub)) {
                all.add(hub);
            }
        }
        return new HubLinks(all, self != null ? self : fallback.self);
    }
}
