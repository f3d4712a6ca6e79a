package io.github.tldrbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.feed.ArticleLink;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code timeline} of a model's answer (SPEC §5.1: dated events stated in the sources,
 * oldest first) and keeps only entries that hold up:
 * <ul>
 *   <li>the date is a full {@code YYYY-MM-DD} day that exists; a month ({@code 2024-05}), a year or
 *       any other spelling is dropped, never completed to the first of the month (that would invent
 *       a day);</li>
 *   <li>its year appears in a source's title or text, or is a source's publication year: a cheap
 *       guard against dates the model made up, whatever language the text writes dates in;</li>
 *   <li>the text is non-empty plain text, at most {@value #TEXT_MAX} chars, citing no missing source;</li>
 *   <li>a link must be {@code http(s)} and one the sources give (their own link, a link of the body
 *       or a URL written in the text); any other link is removed and the entry kept.</li>
 * </ul>
 * The first {@value #MAX_ENTRIES} valid entries in the model's order (it was asked for at most that
 * many, most important first) are kept, duplicates dropped, then sorted oldest first. Thread-safe.
 */
final class TimelineReader {

    static final int MAX_ENTRIES = 5;
    static final int TEXT_MAX = 160;

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'\\])]+");

    private final ModelText modelText;
    private final Citations citations;

    TimelineReader(ModelText modelText, Citations citations) {
        this.modelText = modelText;
        this.citations = citations;
    }

    List<TimelineEntry> read(JsonNode node, List<PromptSource> sources, DropReport report) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        } else if (node != null && node.isObject()) {
            items.add(node);
        }
        if (items.isEmpty()) {
            return List.of();
        }
        Set<String> allowedLinks = allowedLinks(sources);
        Set<String> seen = new HashSet<>();
        List<TimelineEntry> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (out.size() == MAX_ENTRIES) {
                break;
            }
            if (!item.isObject()) {
                report.dropped("timeline", "timeline-not-an-entry", "an entry is not a {date, text, link} object");
                continue;
            }
            String rawDate = item.path("date").isTextual() ? item.path("date").asText().strip() : item.path("date").toString();
            LocalDate date = day(rawDate);
            if (date == null) {
                report.dropped("timeline", "timeline-bad-date", "date '" + rawDate + "' is not a YYYY-MM-DD day; entry dropped");
                continue;
            }
            if (!yearInSources(date.getYear(), sources)) {
                report.dropped("timeline", "timeline-date-not-in-sources",
                        "the year of " + date + " appears in no source; entry dropped as invented");
                continue;
            }
            Citations.Verdict text = citations.field(modelText.text(item.get("text")), sources.size(), TEXT_MAX);
            if (text.problem() != null) {
                report.dropped("timeline", text.problem().kind(), text.problem().why());
                continue;
            }
            if (text.text() == null) {
                report.dropped("timeline", "timeline-no-text", "the entry for " + date + " has no text; entry dropped");
                continue;
            }
            String link = modelText.text(item.get("link"));
            if (link != null && !allowedLinks.contains(normalise(link))) {
                report.dropped("timeline", "timeline-link-not-in-sources",
                        "link " + link + " is not an http(s) link the sources give; entry kept without it");
                link = null;
            }
            if (seen.add(date + "|" + text.text().toLowerCase(Locale.ROOT))) {
                out.add(new TimelineEntry(date, text.text(), link));
            }
        }
        out.sort(Comparator.comparing(TimelineEntry::date));
        return List.copyOf(out);
    }

    private static LocalDate day(String s) {
        if (s == null || !DAY.matcher(s).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(s); // ISO_LOCAL_DATE is strict: 2024-02-30 fails
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean yearInSources(int year, List<PromptSource> sources) {
        Pattern y = Pattern.compile("(?<!\\d)" + year + "(?!\\d)");
        for (PromptSource s : sources) {
            if (s.published() != null && s.published().atZone(ZoneOffset.UTC).getYear() == year) {
                return true;
            }
            if (y.matcher(s.title()).find() || y.matcher(s.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Every http(s) link the sources give, normalised. */
    private static Set<String> allowedLinks(List<PromptSource> sources) {
        Set<String> out = new HashSet<>();
        for (PromptSource s : sources) {
            addLink(out, s.link());
            for (ArticleLink l : s.links()) {
                addLink(out, l.href());
            }
            Matcher m = URL.matcher(s.text());
            while (m.find()) {
                addLink(out, m.group().replaceAll("[.,;:!?]+$", ""));
            }
        }
        return out;
    }

    private static void addLink(Set<String> out, String link) {
        if (link != null && !link.isBlank()) {
            String n = normalise(link);
            if (n != null) {
                out.add(n);
            }
        }
    }

    /** The link without a trailing slash, or null when it is not http(s). */
    private static String normalise(String link) {
        String l = link.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        return l.endsWith("/") ? l.substring(0, l.length() - 1) : l;
    }
}
