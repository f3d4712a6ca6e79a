package io.github.tldrbot.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Oracle: feedparser's own expectations for the fields a news bot uses, mapped onto ours.
 * feedparser keeps HTML in summaries and titles while ours are plain text, so expected values go
 * through {@link HtmlText} before comparing; whitespace is collapsed on both sides. Paths with no
 * counterpart in our model (links[], contributors, author_detail, enclosures, feed.image, …) are
 * counted as skipped.
 */
class FeedparserOracleTest {

    static final Path ORACLE = Path.of("../shared/corpus/oracle/feedparser-botfields");
    static final Pattern PATH = Pattern.compile("(feed|entries\\[(\\d+)])\\.([a-z_]+)(?:\\[(\\d+)])?(?:\\.([a-z_]+))?");

    private final FeedParser parser = new FeedParser();
    private final HtmlText html = new HtmlText();
    private final FeedDateParser dates = new FeedDateParser();

    /** Our field name and how to compare for one feedparser path, or empty when we have no counterpart. */
    record Mapping(String field, Function<Article, Object> entryValue, Function<FeedInfo, Object> feedValue, String kind) {
    }

    static final class Tally {
        int cases;
        int matched;
    }

    @Test
    void fieldMatchRatesStayAboveTheirFloors() throws Exception {
        boolean present = Files.isRegularFile(ORACLE.resolve("expectations.jsonl"));
        if (!present) {
            System.out.println("SKIPPED FeedparserOracleTest: " + ORACLE.resolve("expectations.jsonl").toAbsolutePath() + " is absent");
        }
        assumeTrue(present, "corpus absent");
        ObjectMapper json = new ObjectMapper();
        Map<String, Tally> tallies = new TreeMap<>();
        int skipped = 0;
        int unparsedFiles = 0;
        for (String line : Files.readAllLines(ORACLE.resolve("expectations.jsonl"))) {
            JsonNode c = json.readTree(line);
            if (c.get("assertions").isEmpty()) {
                continue;
            }
            String file = c.get("file").asText();
            byte[] bytes = Files.readAllBytes(ORACLE.resolve(file));
            ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    return parser.parse(bytes, null, "http://127.0.0.1:8097/" + file);
                } catch (FeedParseException e) {
                    System.out.printf("  unparsed %-54s %s%n", file, e.getMessage());
                    return null;
                }
            });
            if (feed == null) {
                unparsedFiles++;
            }
            for (JsonNode assertion : c.get("assertions")) {
                String path = assertion.get("path").asText();
                Optional<Mapping> mapping = map(path);
                if (mapping.isEmpty() || !assertion.get("expected").isTextual()) {
                    skipped++;
                    continue;
                }
                Mapping m = mapping.get();
                Tally t = tallies.computeIfAbsent(m.field(), k -> new Tally());
                t.cases++;
                String expected = assertion.get("expected").asText();
                Object actual = feed == null ? null : actual(feed, path, m);
                if (matches(m.kind(), expected, actual, path)) {
                    t.matched++;
                } else {
                    System.out.printf("  miss %-58s %-24s expected=%s actual=%s%n", file, path,
                            abbreviate(expected), abbreviate(String.valueOf(actual)));
                }
            }
        }
        System.out.printf("%-12s %6s %8s %7s%n", "field", "cases", "matched", "rate");
        Map<String, Double> rates = new TreeMap<>();
        for (var e : tallies.entrySet()) {
            double rate = (double) e.getValue().matched / e.getValue().cases;
            rates.put(e.getKey(), rate);
            System.out.printf("%-12s %6d %8d %6.1f%%%n", e.getKey(), e.getValue().cases, e.getValue().matched, 100 * rate);
        }
        System.out.printf("skipped assertions (no counterpart): %d; files that did not parse: %d%n", skipped, unparsedFiles);

        // Floors set just below what this parser achieves (run it to see the misses). The misses:
        //  - files we refuse: CDF (<CHANNEL> root), a doctype with an internal entity subset (refused
        //    for safety), truncated XML, <rss> without <channel>, Atom 0.3 base64 content (Rome fails);
        //  - Atom 1.0 base64-encoded text constructs, which Rome returns undecoded;
        //  - feedparser's "name (email)" author form, multiple-value date precedence,
        //    <summary> preferred over <description>, dc:date read as updated (we read it as published),
        //    links without href, made-up <tags> elements, mojibake kept as-is (bozo_linenoise).
        Map<String, Double> floors = Map.ofEntries(
                Map.entry("title", 0.85), Map.entry("link", 0.70), Map.entry("guid", 0.90),
                Map.entry("summary", 0.80), Map.entry("contentText", 0.65), Map.entry("published", 0.85),
                Map.entry("updated", 0.45), Map.entry("author", 0.70), Map.entry("categories", 0.80),
                Map.entry("feed.title", 0.80), Map.entry("feed.link", 0.85));
        floors.forEach((field, floor) ->
                assertThat(rates.getOrDefault(field, 0.0)).as(field + " match rate").isGreaterThanOrEqualTo(floor));
    }

    private static Optional<Mapping> map(String path) {
        Matcher p = PATH.matcher(path);
        if (!p.matches()) {
            return Optional.empty();
        }
        boolean feed = p.group(1).equals("feed");
        String name = p.group(3);
        String sub = p.group(5);
        if (feed) {
            return switch (name + (sub == null ? "" : "." + sub)) {
                case "title", "title_detail.value" -> Optional.of(new Mapping("feed.title", null, FeedInfo::title, "text"));
                case "link" -> Optional.of(new Mapping("feed.link", null, FeedInfo::link, "exact"));
                default -> Optional.empty();
            };
        }
        return switch (name + (sub == null ? "" : "." + sub)) {
            case "title", "title_detail.value" -> Optional.of(new Mapping("title", Article::title, null, "text"));
            case "link" -> Optional.of(new Mapping("link", Article::link, null, "exact"));
            case "id", "guid" -> Optional.of(new Mapping("guid", Article::guid, null, "exact"));
            case "summary", "description", "summary_detail.value" ->
                    Optional.of(new Mapping("summary", Article::summary, null, "html"));
            case "content.value" -> Optional.of(new Mapping("contentText", Article::contentText, null, "html"));
            case "published", "published_parsed", "issued", "issued_parsed" ->
                    Optional.of(new Mapping("published", Article::published, null, "date"));
            case "updated", "updated_parsed", "modified", "modified_parsed" ->
                    Optional.of(new Mapping("updated", Article::updated, null, "date"));
            case "author" -> Optional.of(new Mapping("author", Article::author, null, "text"));
            case "tags.term" -> Optional.of(new Mapping("categories", Article::categories, null, "member"));
            default -> Optional.empty();
        };
    }

    private static Object actual(ParsedFeed feed, String path, Mapping m) {
        Matcher p = PATH.matcher(path);
        p.matches();
        if (m.feedValue() != null) {
            return m.feedValue().apply(feed.feed());
        }
        int index = Integer.parseInt(p.group(2));
        return index < feed.articles().size() ? m.entryValue().apply(feed.articles().get(index)) : null;
    }

    private boolean matches(String kind, String expected, Object actual, String path) {
        if (actual == null) {
            // markup with no text at all (an SVG or MathML drawing) is an empty plain-text summary
            return expected.isBlank() || (kind.equals("html") && html.toLine(expected).isEmpty());
        }
        return switch (kind) {
            case "exact" -> expected.equals(actual);
            case "text" -> html.collapse(expected).equals(actual) || html.toLine(expected).equals(actual);
            case "html" -> html.toLine(expected).equals(html.collapse((String) actual))
                    || html.collapse(expected).equals(html.collapse((String) actual));
            case "date" -> dates.parse(expected).map(Instant.class::cast).equals(Optional.of(actual));
            case "member" -> ((List<?>) actual).stream().map(Objects::toString)
                    .anyMatch(v -> v.equals(html.toLine(expected)) || v.equals(expected.strip()));
            default -> throw new IllegalStateException(kind + " for " + path);
        };
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
