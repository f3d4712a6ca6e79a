package io.github.tldrbot.discord;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.RelatedUpdate;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.card.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The fields of a card embed that are lists: key takeaways as bullets, audience labels, sources,
 * related stories and timeline events, each line escaped and linked when its link is usable, and
 * never cut inside a link.
 */
final class ListFields {

    private static final String BULLET = "• ";
    /** Input beyond this many chars of a list field can never be shown; it is not even prepared. */
    private static final int ENOUGH = 2 * MessageEmbed.VALUE_MAX_LENGTH;
    private static final int TIMELINE_EVENT_MAX = 120;

    private final EmbedText text;
    private final HttpLinks links;

    ListFields(EmbedText text, HttpLinks links) {
        this.text = text;
        this.links = links;
    }

    /**
     * The takeaways as escaped lines, without the empty ones; stops once more were collected than
     * the field could ever show.
     */
    List<String> takeaways(List<String> keyTakeaways) {
        List<String> takeaways = new ArrayList<>();
        int collected = 0;
        for (String takeaway : keyTakeaways) {
            String line = text.escape(text.line(takeaway));
            if (line != null) {
                takeaways.add(line);
                collected += line.length() + BULLET.length() + 1;
            }
            if (collected > ENOUGH) {
                break; // the rest could never be shown; what was collected already overflows the field
            }
        }
        return takeaways;
    }

    /** "[1] publisher — title", linked to the article when it has a usable link. */
    List<String> sourceLines(List<StorySource> sources) {
        List<String> lines = new ArrayList<>();
        for (StorySource source : sources) {
            String name = text.line(source.publisher());
            String title = text.line(source.title());
            String label = text.escape(text.fit(name == null ? (title == null ? "source" : title)
                    : title == null ? name : name + " — " + title, TIMELINE_EVENT_MAX));
            String link = links.valid(source.link());
            lines.add("[" + source.n() + "] " + (link == null ? label : "[" + label + "](" + link + ")"));
        }
        return lines;
    }

    /** "title", linked when it has a usable link. */
    List<String> relatedLines(List<RelatedUpdate> related) {
        List<String> lines = new ArrayList<>();
        for (RelatedUpdate update : related) {
            String title = text.line(update.title());
            if (title != null) {
                String escaped = text.escape(text.fit(title, TIMELINE_EVENT_MAX));
                String link = links.valid(update.link());
                lines.add("• " + (link == null ? escaped : "[" + escaped + "](" + link + ")"));
            }
        }
        return lines;
    }

    /** "YYYY-MM-DD — event", the event linked when it has a usable link. */
    List<String> timelineLines(List<TimelineEntry> timeline) {
        List<String> lines = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            String event = text.line(entry.text());
            if (event == null) {
                continue;
            }
            String escaped = text.escape(text.fit(event, TIMELINE_EVENT_MAX));
            String link = links.valid(entry.link());
            lines.add(entry.date() + " — " + (link == null ? escaped : "[" + escaped + "](" + link + ")"));
        }
        return lines;
    }

    /** Whole lines while they fit in {@code max}; never a line cut in the middle of its link. */
    static String lines(List<String> lines, int max) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            int extra = (out.length() == 0 ? 0 : 1) + line.length();
            if (out.length() + extra > max) {
                break;
            }
            out.append(out.length() == 0 ? "" : "\n").append(line);
        }
        return out.length() == 0 ? null : out.toString();
    }

    String audienceLabels(List<AudienceRef> audiences) {
        List<String> labels = new ArrayList<>();
        int joined = 0;
        for (AudienceRef audience : audiences) {
            String label = audience == null ? null : text.line(audience.label());
            if (label == null && audience != null) {
                label = text.line(audience.id());
            }
            if (label != null) {
                labels.add(label);
                joined += label.length() + CardEmbeds.SEPARATOR.length();
            }
            if (joined > ENOUGH) {
                break; // already more than the field can show, and it will be cut with "…"
            }
        }
        return labels.isEmpty() ? null : String.join(CardEmbeds.SEPARATOR, labels);
    }

    /**
     * One "• …" line per takeaway while they fit in {@code max}; the first that does not fit is
     * shortened into the room left, or, when too little is left, replaced by a final "…" line.
     */
    String bullets(List<String> takeaways, int max) {
        List<String> lines = new ArrayList<>();
        int length = 0;
        boolean cut = false;
        for (String takeaway : takeaways) {
            int separator = lines.isEmpty() ? 0 : 1;
            String line = BULLET + takeaway;
            if (length + separator + line.length() <= max) {
                lines.add(line);
                length += separator + line.length();
                continue;
            }
            int room = max - length - separator - BULLET.length();
            if (room >= CardEmbeds.MIN_FIELD / 2) {
                lines.add(BULLET + text.fit(takeaway, room));
            } else {
                cut = true;
            }
            break;
        }
        if (cut) {
            while (!lines.isEmpty() && String.join("\n", lines).length() + 2 > max) {
                lines.remove(lines.size() - 1);
            }
            lines.add(TextShortener.ELLIPSIS);
        }
        String value = String.join("\n", lines);
        return value.length() <= max ? value : text.fit(value, max);
    }
}
