package io.github.tldrbot.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import org.jdom2.Element;
import org.jdom2.filter.ElementFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts of an entry around its text: published and updated dates (with a fallback for the forms
 * Rome does not read), author, trimmed de-duplicated categories, and the raw text of elements Rome's
 * model drops. Dates are all a stored entry still needs (the adaptive poll interval reads them), so
 * they are read apart from the rest. Stateless apart from its collaborators, so thread-safe.
 */
final class EntryFacts {

    private static final Set<String> PUBLISHED_NAMES = Set.of("pubDate", "published", "issued", "date", "created");
    private static final Set<String> UPDATED_NAMES = Set.of("updated", "modified", "lastmod", "lastBuildDate");
    private static final Set<String> AUTHOR_NAMES = Set.of("author", "creator");

    private final HtmlText html;
    private final FeedDateParser dates;

    EntryFacts(HtmlText html, FeedDateParser dates) {
        this.html = html;
        this.dates = dates;
    }

    Instant published(SyndEntry entry, Element element) {
        return date(entry.getPublishedDate(), element, PUBLISHED_NAMES);
    }

    Instant updated(SyndEntry entry, Element element) {
        return date(entry.getUpdatedDate(), element, UPDATED_NAMES);
    }

    /**
     * Text of the first child with one of the local names, in any namespace: what Rome's model
     * drops from modules it does not map (dc:title, media:title, itunes:summary, dc:author, …).
     */
    static String rawText(Element element, Set<String> names) {
        if (element == null) {
            return null;
        }
        for (Element child : element.getChildren()) {
            if (names.contains(child.getName()) && !child.getTextTrim().isEmpty()) {
                return child.getText();
            }
        }
        return null;
    }

    String author(SyndEntry entry, Element element) {
        String author = entry.getAuthor();
        if (author == null || author.isBlank()) {
            List<String> names = new ArrayList<>();
            for (SyndPerson p : entry.getAuthors()) {
                if (p.getName() != null && !p.getName().isBlank()) {
                    names.add(p.getName());
                }
            }
            author = String.join(", ", names);
        }
        if (author.isBlank()) {
            author = rawText(element, AUTHOR_NAMES);
        }
        String line = html.toLine(author);
        return line.isBlank() ? null : line;
    }

    List<String> categories(SyndEntry entry, Element element) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (SyndCategory c : entry.getCategories()) {
            String name = html.toLine(c.getName());
            if (!name.isEmpty()) {
                unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                String name = html.toLine(subject.getValue());
                if (!name.isEmpty()) {
                    unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        if (element != null) {
            // itunes:category (text attribute, possibly nested) and media:category, which Rome leaves out
            for (Element child : element.getDescendants(new ElementFilter("category"))) {
                if (child.getNamespaceURI().isEmpty()) {
                    continue;
                }
                String name = html.toLine(child.getAttributeValue("text", child.getTextTrim()));
                if (!name.isEmpty()) {
                    unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return List.copyOf(unique.values());
    }

    /**
     * The entry's own date text read by {@link FeedDateParser}; Rome's value only when the element
     * has no date text we can find. Rome's lenient SimpleDateFormat rolls invalid fields over (hour
     * 25 becomes the next day, day 99 a later month) and misreads old years, so when our stricter
     * parser refuses the text, a guess is worse than no date (the store then uses first-seen time).
     */
    private Instant date(Date romeDate, Element element, Set<String> names) {
        if (element != null) {
            boolean sawText = false;
            for (Element child : element.getChildren()) {
                if (names.contains(child.getName()) && !child.getTextNormalize().isEmpty()) {
                    sawText = true;
                    Optional<Instant> parsed = dates.parse(child.getTextNormalize());
                    if (parsed.isPresent()) {
                        return parsed.get();
                    }
                }
            }
            if (sawText) {
                return null;
            }
        }
        return romeDate == null ? null : romeDate.toInstant();
    }
}
