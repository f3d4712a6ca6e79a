package io.github.tldrbot.card;

import io.github.tldrbot.text.WordTokenizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The card a story shows (SPEC §5.1, §5.5): the sections of its most informative source, takeaways
 * drawn from several sources each ending with the {@code [n]} of the source it rests on, and a timeline
 * of the story's own earlier days. Stateless and thread-safe.
 */
public final class StoryCards {

    /** SPEC §5.1: up to 3 takeaways. */
    static final int MAX_TAKEAWAYS = 3;
    /** SPEC §5.1: a timeline of at most 5 entries. */
    public static final int MAX_TIMELINE = 5;
    /** Two takeaways whose word sets overlap more than this (Jaccard) say the same thing. */
    private static final double SAME_FACT = 0.5;

    private static final WordTokenizer TOKENIZER = new WordTokenizer();

    private StoryCards() {
    }

    /**
     * The card with the most sections (what changed, why it matters, what to do next, hook, each
     * takeaway), then the longest TL;DR; the first of equals, so the earliest source wins a tie.
     *
     * @throws IllegalArgumentException when {@code cards} is empty
     */
    public static Card fullest(List<Card> cards) {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a story has at least one card");
        }
        Card best = cards.get(0);
        for (Card c : cards) {
            if (richness(c) > richness(best)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The story card of several sources. {@code cards.get(i)} is the card of {@code sources.get(i)}
     * (null when that article has no saved card); sources are numbered by first publication. The TL;DR
     * and sections are the fullest card's; the takeaways are taken in turn from the fullest card and then
     * the others, skipping one that repeats a fact already chosen, each ending with its source's
     * {@code [n]}; the timeline holds the story's sources of earlier days (oldest first) before any dated
     * events the fullest card states itself. One source gives its card unchanged.
     *
     * @throws IllegalArgumentException when no source has a card, or the lists differ in length
     */
    public static Card merge(List<Card> cards, List<StorySource> sources) {
        if (cards.size() != sources.size()) {
            throw new IllegalArgumentException("one card per source expected");
        }
        List<Integer> withCard = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i) != null) {
                withCard.add(i);
            }
        }
        if (withCard.isEmpty()) {
            throw new IllegalArgumentException("a story has at least one card");
        }
        Card base = fullest(withCard.stream().map(cards::get).toList());
        if (sources.size() < 2) {
            return base;
        }
        int baseIndex = withCard.stream().filter(i -> cards.get(i) == base).findFirst().orElseThrow();
        List<Integer> order = new ArrayList<>(List.of(baseIndex));
        withCard.stream().filter(i -> i != baseIndex)
                .sorted(Comparator.comparingInt((Integer i) -> -richness(cards.get(i))).thenComparingInt(i -> i))
                .forEach(order::add);
        return new Card(base.tldr(), base.whatChanged(), base.whyItMatters(), base.whatToDoNext(), base.whoShouldCare(),
                takeaways(cards, sources, order, base), base.summarizer(), base.hook(), base.deepInsight(),
                base.technicalDeepDive(), base.futureImplications(), timeline(sources, base.timeline()));
    }

    /** Round-robin over the sources (fullest first), one takeaway each per round, no fact twice. */
    private static List<String> takeaways(List<Card> cards, List<StorySource> sources, List<Integer> order, Card base) {
        List<Set<String>> chosenWords = new ArrayList<>();
        // the card's own sections are shown already: a takeaway repeating one adds nothing
        for (String section : new String[] {base.tldr(), base.whatChanged(), base.whyItMatters()}) {
            if (section != null) {
                chosenWords.add(words(section));
            }
        }
        List<String> out = new ArrayList<>();
        for (int round = 0; out.size() < MAX_TAKEAWAYS; round++) {
            boolean any = false;
            for (int i : order) {
                List<String> own = cards.get(i).keyTakeaways();
                if (round >= own.size() || out.size() == MAX_TAKEAWAYS) {
                    continue;
                }
                any = true;
                String takeaway = own.get(round);
                Set<String> w = words(takeaway);
                if (chosenWords.stream().noneMatch(c -> WordOverlap.jaccard(c, w) > SAME_FACT)) {
                    chosenWords.add(w);
                    out.add(takeaway + " [" + sources.get(i).n() + "]");
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /**
     * {@code card} with earlier stories about the same main entities added to its timeline (oldest
     * first, the most recent {@value #MAX_TIMELINE} kept); the card itself when there are none.
     */
    public static Card withEarlierStories(Card card, List<TimelineEntry> earlier) {
        if (earlier.isEmpty()) {
            return card;
        }
        List<TimelineEntry> all = new ArrayList<>(earlier);
        all.addAll(card.timeline());
        return card.withTimeline(lastByDate(all));
    }

    private static List<TimelineEntry> lastByDate(List<TimelineEntry> entries) {
        List<TimelineEntry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing(TimelineEntry::date));
        return out.size() <= MAX_TIMELINE ? out : out.subList(out.size() - MAX_TIMELINE, out.size());
    }

    /** Sources published on a day before the latest source's day, then the card's own dated events. */
    private static List<TimelineEntry> timeline(List<StorySource> sources, List<TimelineEntry> own) {
        LocalDate last = null;
        for (StorySource s : sources) {
            LocalDate d = day(s);
            if (d != null && (last == null || d.isAfter(last))) {
                last = d;
            }
        }
        List<TimelineEntry> out = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        for (StorySource s : sources) {
            LocalDate d = day(s);
            // one entry per earlier day: the first source that told the story that day
            if (d != null && d.isBefore(last) && s.title() != null && !s.title().isBlank() && days.add(d)) {
                out.add(new TimelineEntry(d, s.title(), s.link()));
            }
        }
        out.addAll(own);
        return lastByDate(out);
    }

    private static LocalDate day(StorySource s) {
        return s.published() == null ? null : s.published().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Set<String> words(String text) {
        return new HashSet<>(TOKENIZER.tokenize(text));
    }

    private static int richness(Card c) {
        int sections = (c.whatChanged() == null ? 0 : 1) + (c.whyItMatters() == null ? 0 : 1)
                + (c.whatToDoNext() == null ? 0 : 1) + c.keyTakeaways().size() + (c.hook() == null ? 0 : 1);
        return sections * 1_000 + Math.min(c.tldr() == null ? 0 : c.tldr().length(), 999);
    }
}
