package io.github.tldrbot.discord;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.delivery.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;

/**
 * What a card's thread is called and, in a forum, which of the forum's tags its post carries
 * (SPEC §6.5): the story's title within Discord's 100 characters (cut at a word, marked with "…"),
 * and the tags whose names equal one of the card's audiences, by id or label, ignoring case, most
 * relevant audience first, at most Discord's 5.
 */
final class ForumPostTitle {
    /** Discord's limit for a thread name. */
    static final int MAX_NAME = 100;
    /** Discord's limit for tags on one forum post. */
    static final int MAX_TAGS = 5;

    private ForumPostTitle() {
    }

    static String of(OutgoingMessage message) {
        String title = message.article().title();
        if (title == null || title.isBlank()) {
            title = message.feedTitle() == null || message.feedTitle().isBlank() ? "News" : message.feedTitle();
        }
        title = title.strip().replaceAll("\\s+", " ");
        if (title.length() <= MAX_NAME) {
            return title;
        }
        String cut = title.substring(0, MAX_NAME - 1);
        int space = cut.lastIndexOf(' ');
        return (space > MAX_NAME / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    static List<ForumTag> tags(List<ForumTag> available, List<AudienceRef> audiences) {
        List<ForumTag> out = new ArrayList<>();
        for (AudienceRef audience : audiences) {
            for (ForumTag tag : available) {
                if (out.size() < MAX_TAGS && !out.contains(tag) && (same(tag.getName(), audience.id()) || same(tag.getName(), audience.label()))) {
                    out.add(tag);
                }
            }
        }
        return out;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
