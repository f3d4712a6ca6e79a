package io.github.tldrbot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The description (no name) or one field of a card embed, rendered at a length cap; re-rendered
 * shorter, or dropped, when the embed's total is over Discord's 6000.
 */
final class EmbedSection {
    final String name;
    final int trimOrder;
    final IntFunction<String> renderer;
    String value;

    EmbedSection(String name, int trimOrder, IntFunction<String> renderer, int limit) {
        this.name = name;
        this.trimOrder = trimOrder;
        this.renderer = renderer;
        this.value = renderer.apply(limit);
    }

    boolean isField() {
        return name != null;
    }

    int valueLength() {
        return value == null ? 0 : value.length();
    }

    /** What this section adds to the embed's total: name and value, or nothing once dropped. */
    int length() {
        return value == null ? 0 : valueLength() + (name == null ? 0 : name.length());
    }

    /** Trims sections in their trim order until the embed's total length is at most 6000. */
    static void fitTotal(List<EmbedSection> sections, int fixed) {
        List<EmbedSection> byTrimOrder = new ArrayList<>(sections);
        byTrimOrder.sort((a, b) -> Integer.compare(a.trimOrder, b.trimOrder));
        int over = fixed - MessageEmbed.EMBED_MAX_LENGTH_BOT;
        for (EmbedSection section : sections) {
            over += section.length();
        }
        for (EmbedSection section : byTrimOrder) {
            if (over <= 0) {
                return;
            }
            int before = section.length();
            int target = section.valueLength() - over;
            if (section.isField() && target < CardEmbeds.MIN_FIELD || target < 2) {
                section.value = null;
            } else {
                section.value = section.renderer.apply(target);
            }
            over -= before - section.length();
        }
    }
}
