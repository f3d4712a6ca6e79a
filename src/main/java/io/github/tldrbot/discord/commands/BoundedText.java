package io.github.tldrbot.discord.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a reply that must fit Discord's 2000-character message content: lines are kept whole
 * while they fit; the rest is summarised as "…and N more" so a long list never fails to send.
 */
final class BoundedText {
    static final int DISCORD_LIMIT = 2000;
    /** Room kept for the "…and N more" line. */
    private static final int RESERVE = 40;

    private final int limit;
    private final List<String> lines = new ArrayList<>();
    private int length;
    private int dropped;
    private final String noun;

    /** @param noun what a dropped entry is called in the closing line, e.g. "subscriptions" */
    BoundedText(String noun) {
        this(DISCORD_LIMIT, noun);
    }

    BoundedText(int limit, String noun) {
        this.limit = limit;
        this.noun = noun;
    }

    /** Adds a line that belongs to no entry (a heading); dropped silently if there is no room. */
    void heading(String line) {
        if (dropped == 0 && fits(line)) {
            keep(line);
        }
    }

    /** Adds one entry's line, or counts it as left out. */
    void entry(String line) {
        if (dropped == 0 && fits(line)) {
            keep(line);
        } else {
            dropped++;
        }
    }

    private boolean fits(String line) {
        return length + line.length() + 1 <= limit - RESERVE;
    }

    private void keep(String line) {
        lines.add(line);
        length += line.length() + 1;
    }

    /** Any one reply text, cut to Discord's limit (titles and URLs come from outside and may be long). */
    static String cap(String text) {
        return text.length() <= DISCORD_LIMIT ? text : text.substring(0, DISCORD_LIMIT - 1) + "…";
    }

    String text() {
        String body = String.join("\n", lines);
        return dropped == 0 ? body : body + "\n…and " + dropped + " more " + noun;
    }
}
