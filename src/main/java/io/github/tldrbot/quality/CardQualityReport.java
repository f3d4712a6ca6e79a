package io.github.tldrbot.quality;

import io.github.tldrbot.card.Card;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The card-quality table of issue 9 over any set of cards: each metric as a count, the number it
 * is counted out of, and the percentage; the summarizer's time per article; one line per feed.
 * Collect with {@link #add} and {@link #failed}, then read {@link #rows()} or {@link #render()}.
 * Not thread-safe: one report per run.
 */
public final class CardQualityReport {

    /** One metric: {@code count} of {@code total} {@code unit}; a detail row is indented under its metric. */
    public record Row(String label, long count, long total, String unit, boolean detail) {
        /** The percentage, or NaN when there is nothing to count out of. */
        public double percent() {
            return total == 0 ? Double.NaN : 100.0 * count / total;
        }
    }

    /** Summarizer time per article, in nanoseconds. */
    public record Timing(long p50, long p95, long max, int articles) {
    }

    private final CardChecks checks;
    private final String summarizer;
    private final List<CardSample> samples = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    /** @param summarizer how the cards were made, as shown in the heading ({@code extractive}, …) */
    public CardQualityReport(CardChecks checks, String summarizer) {
        this.checks = checks;
        this.summarizer = summarizer;
    }

    public void add(CardSample sample) {
        samples.add(sample);
    }

    /** A source that gave no cards: unreadable, or not a feed. */
    public void failed(String source, String message) {
        failures.put(source, message);
    }

    /** The feed with the most cards, when there are cards from more than one feed. */
    public Optional<String> largestFeed() {
        Map<String, Integer> perFeed = cardsPerFeed();
        if (perFeed.size() < 2) {
            return Optional.empty();
        }
        return perFeed.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        long cards = samples.size();
        rows.add(new Row("cards with only a TL;DR (no what changed / why it matters / takeaways)",
                count(s -> CardChecks.onlyTldr(s.card())), cards, "cards", false));
        Optional<String> largest = largestFeed();
        if (largest.isPresent()) {
            String name = largest.get();
            long others = count(s -> !s.source().equals(name));
            rows.add(new Row("  same, without the largest feed (" + shortName(name) + ")",
                    count(s -> !s.source().equals(name) && CardChecks.onlyTldr(s.card())), others, "cards", true));
        }
        rows.add(new Row("what to do next: generic pointer to the article",
                count(s -> CardChecks.isGenericPointer(s.card().whatToDoNext())), cards, "cards", false));
        rows.add(new Row("what to do next: from the text",
                count(s -> fromText(s.card())), cards, "cards", false));
        rows.add(new Row("what to do next: from the text, with a link",
                count(s -> fromText(s.card()) && CardChecks.hasLink(s.card().whatToDoNext())), cards, "cards", false));
        rows.add(new Row("what changed present", count(s -> CardChecks.present(s.card().whatChanged())), cards, "cards", false));
        rows.add(new Row("why it matters present", count(s -> CardChecks.present(s.card().whyItMatters())), cards, "cards", false));
        rows.add(new Row("hook present", count(s -> CardChecks.present(s.card().hook())), cards, "cards", false));
        rows.add(new Row("TL;DR identical to the title (of articles with text after cleaning)",
                count(s -> CardChecks.hasBodyText(s.article()) && CardChecks.tldrRepeatsTitle(s.card(), s.article())),
                count(s -> CardChecks.hasBodyText(s.article())), "articles", false));
        rows.add(new Row("  same, of all cards (an article without text can only repeat its title)",
                count(s -> CardChecks.tldrRepeatsTitle(s.card(), s.article())), cards, "cards", true));

        long sections = 0;
        long cut = 0;
        long cutHeadlines = 0;
        long splits = 0;
        long texts = 0;
        long boilerplate = 0;
        Map<String, Long> byKind = new LinkedHashMap<>();
        CardChecks.boilerplateNames().forEach(n -> byKind.put(n, 0L));
        for (CardSample s : samples) {
            for (String section : CardChecks.sections(s.card())) {
                sections++;
                if (CardChecks.endsMidText(section)) {
                    cut++;
                    cutHeadlines += section.equals(s.card().tldr()) && CardChecks.tldrRepeatsTitle(s.card(), s.article()) ? 1 : 0;
                }
            }
            splits += CardChecks.abbreviationSplits(s.card(), s.article()).size();
            List<String> all = CardChecks.allTexts(s.card());
            int takeaways = (int) s.card().keyTakeaways().stream().filter(CardChecks::present).count();
            int firstTakeaway = CardChecks.sections(s.card()).size() - takeaways;
            for (int i = 0; i < all.size(); i++) {
                texts++;
                boolean takeaway = i >= firstTakeaway && i < firstTakeaway + takeaways;
                Optional<String> kind = CardChecks.boilerplate(all.get(i), takeaway);
                if (kind.isPresent()) {
                    boilerplate++;
                    byKind.merge(kind.get(), 1L, Long::sum);
                }
            }
        }
        // a headline is not a cut text: an article with no text can only show its headline as TL;DR
        rows.add(new Row("sections ending mid-text without \"…\" (headlines left out)", cut - cutHeadlines, sections,
                "sections", false));
        rows.add(new Row("  headline without a full stop used as TL;DR (article with no text)", cutHeadlines, sections,
                "sections", true));
        rows.add(new Row("boilerplate kept", boilerplate, texts, "texts", false));
        for (Map.Entry<String, Long> kind : byKind.entrySet()) {
            if (kind.getValue() > 0) {
                rows.add(new Row("  " + kind.getKey(), kind.getValue(), texts, "texts", true));
            }
        }
        rows.add(new Row("abbreviation splits (ends on an initial/abbreviation, or the body continues it)",
                splits, sections, "sections", false));

        rows.add(new Row("cards with no audience", count(s -> s.card().whoShouldCare().isEmpty()), cards, "cards", false));
        long nonEnglish = count(s -> CardChecks.isNonEnglish(s.article().lang()));
        long unknown = count(s -> s.article().lang() == null);
        rows.add(new Row("non-English cards (language detected, not en)", nonEnglish, cards, "cards", false));
        rows.add(new Row("  non-English cards with no audience",
                count(s -> CardChecks.isNonEnglish(s.article().lang()) && s.card().whoShouldCare().isEmpty()),
                nonEnglish, "non-English", true));
        rows.add(new Row("cards of unknown language (no lang)", unknown, cards, "cards", false));
        rows.add(new Row("  unknown-language cards with no audience",
                count(s -> s.article().lang() == null && s.card().whoShouldCare().isEmpty()), unknown, "unknown", true));

        Predicate<CardSample> longBody = s -> checks.bodyHasSentences(s.article(), 3);
        Predicate<CardSample> fullCard = s -> CardChecks.present(s.card().tldr()) && CardChecks.bodySections(s.card()) >= 2;
        rows.add(new Row("body of >= 3 sentences: TL;DR + two of what changed / why it matters / takeaways",
                count(longBody.and(fullCard)), count(longBody), "cards", false));
        // the targets exclude the single largest feed where it dominates (a 730-episode podcast)
        largest.ifPresent(name -> {
            Predicate<CardSample> others = s -> !s.source().equals(name);
            rows.add(new Row("  same, without the largest feed", count(others.and(longBody).and(fullCard)),
                    count(others.and(longBody)), "cards", true));
            rows.add(new Row("cards with no audience, without the largest feed",
                    count(others.and(s -> s.card().whoShouldCare().isEmpty())), count(others), "cards", true));
        });
        rows.add(new Row("cards with HTML residue (tags or entities)",
                count(s -> CardChecks.allTexts(s.card()).stream().anyMatch(CardChecks::htmlResidue)), cards, "cards", false));
        rows.add(new Row("cards breaking a Discord limit", count(s -> !s.limitBreaches().isEmpty()), cards, "cards", false));
        return rows;
    }

    public Timing timing() {
        long[] nanos = samples.stream().mapToLong(CardSample::summarizeNanos).sorted().toArray();
        return new Timing(percentile(nanos, 50), percentile(nanos, 95), nanos.length == 0 ? 0 : nanos[nanos.length - 1], nanos.length);
    }

    /** The table, the timing line, one line per feed and the sources that gave no cards. */
    public String render() {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> perFeed = cardsPerFeed();
        out.append(String.format(Locale.ROOT, "Card quality: %d cards from %d feeds (%s summarizer)%s%n",
                samples.size(), perFeed.size(), summarizer,
                failures.isEmpty() ? "" : ", " + failures.size() + " sources gave no cards"));
        out.append(String.format(Locale.ROOT, "%-82s | %6s | %7s | %s%n", "metric", "count", "%", "of"));
        out.append("-".repeat(82)).append("-|-").append("-".repeat(6)).append("-|-").append("-".repeat(7)).append("-|-")
                .append("-".repeat(16)).append(System.lineSeparator());
        for (Row row : rows()) {
            out.append(String.format(Locale.ROOT, "%-82s | %6d | %7s | %d %s%n",
                    row.label(), row.count(), percent(row.percent()), row.total(), row.unit()));
        }
        Timing t = timing();
        out.append(String.format(Locale.ROOT, "%-82s | p50 %.3f ms, p95 %.3f ms, max %.3f ms (%d articles)%n",
                "summarizer time per article", t.p50() / 1e6, t.p95() / 1e6, t.max() / 1e6, t.articles()));
        out.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  %-60s %5s | %10s | %12s | %13s | %11s%n",
                "per feed", "cards", "only TL;DR", "generic next", "unmarked cuts", "no audience"));
        for (Map.Entry<String, Integer> e : perFeed.entrySet()) {
            String feed = e.getKey();
            List<CardSample> of = samples.stream().filter(s -> s.source().equals(feed)).toList();
            long sections = of.stream().mapToLong(s -> CardChecks.sections(s.card()).size()).sum();
            long cuts = of.stream().flatMap(s -> CardChecks.sections(s.card()).stream()).filter(CardChecks::endsMidText).count();
            out.append(String.format(Locale.ROOT, "  %-60s %5d | %10s | %12s | %13s | %11s%n", shortName(feed), e.getValue(),
                    percent(of, s -> CardChecks.onlyTldr(s.card())),
                    percent(of, s -> CardChecks.isGenericPointer(s.card().whatToDoNext())),
                    percent(sections == 0 ? Double.NaN : 100.0 * cuts / sections),
                    percent(of, s -> s.card().whoShouldCare().isEmpty())));
        }
        for (Map.Entry<String, String> f : failures.entrySet()) {
            out.append(String.format(Locale.ROOT, "  %-60s no cards: %s%n", shortName(f.getKey()), f.getValue()));
        }
        return out.toString();
    }

    private boolean fromText(Card card) {
        return CardChecks.present(card.whatToDoNext()) && !CardChecks.isGenericPointer(card.whatToDoNext());
    }

    private long count(Predicate<CardSample> p) {
        return samples.stream().filter(p).count();
    }

    private Map<String, Integer> cardsPerFeed() {
        Map<String, Integer> perFeed = new LinkedHashMap<>();
        samples.forEach(s -> perFeed.merge(s.source(), 1, Integer::sum));
        return perFeed;
    }

    private static String percent(List<CardSample> of, Predicate<CardSample> p) {
        return of.isEmpty() ? percent(Double.NaN) : percent(100.0 * of.stream().filter(p).count() / of.size());
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%.1f %%", p);
    }

    /** The file name of a path, the whole of a URL. */
    private static String shortName(String source) {
        if (source.contains("://")) {
            return source;
        }
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? source : source.substring(slash + 1);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
