package io.github.tldrbot.card;

import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the fields of an extractive card from ranked sentences (see {@link ExtractiveSummarizer} for
 * which sentence each field takes): each field from sentences no earlier field used and not overlapping
 * them by more than half, never a near copy of the title. Thread-safe.
 */
final class FieldPicker {

    static final int TLDR_MAX = 300;
    static final int FIELD_MAX = 300;
    static final int TAKEAWAY_MAX = 160;
    private static final int MAX_TAKEAWAYS = 3;
    private static final double MAX_OVERLAP = 0.5;
    /** The TL;DR takes a second sentence only when at least this many are left to choose from. */
    private static final int MIN_SENTENCES_TO_COMBINE = 5;
    /**
     * Cue strength a sentence needs to be what changed: one strong change verb, or a weaker cue with
     * concrete facts (see {@link CueScorer#concreteEvent}).
     */
    static final double MIN_EVENT_CUE = 1.5;
    /** One consequence cue ("means", "will", "could", "because"…) marks an implication. */
    static final double MIN_CONSEQUENCE_CUE = 1.0;
    /** A hook is one of the strong sentences: at least this share of the best score. */
    private static final double HOOK_MIN_SCORE = 0.6;
    /** Token Jaccard at or above which a sentence only restates the title. */
    private static final double NEAR_COPY = 0.7;

    private final TextShortener shortener = new TextShortener();
    private final WordTokenizer tokenizer;
    private final CueScorer cues;
    private final ActionFinder actions = new ActionFinder();

    FieldPicker(WordTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.cues = new CueScorer(tokenizer);
    }

    /**
     * The card of ranked sentences (best first).
     *
     * @param links the article's links, for the link of what to do next
     */
    Card card(List<RankedSentence> ranked, String title, List<ArticleLink> links, List<AudienceRef> audiences) {
        List<RankedSentence> used = new ArrayList<>();
        Set<RankedSentence> copies = titleCopies(ranked, title);

        String tldr = tldr(ranked, used, copies);
        String whatToDoNext = whatToDoNext(ranked, used, links);
        String whatChanged = withoutOwnLabel(pick(ranked, used, copies, cues::concreteEvent, MIN_EVENT_CUE), WHAT_CHANGED_LABEL);
        String whyItMatters = withoutOwnLabel(pick(ranked, used, copies, cues::consequence, MIN_CONSEQUENCE_CUE),
                WHY_IT_MATTERS_LABEL);
        // before the takeaways, which need only one sentence to count, after the sections that need theirs
        String hook = takeawaysWouldRemain(ranked, used) ? hook(ranked, used, copies) : null;
        List<String> takeaways = takeaways(ranked, used, copies);
        return new Card(tldr, whatChanged, whyItMatters, whatToDoNext, audiences, takeaways, ExtractiveSummarizer.NAME)
                .withHook(hook);
    }

    private String tldr(List<RankedSentence> ranked, List<RankedSentence> used, Set<RankedSentence> copies) {
        List<RankedSentence> pool = ranked.stream().filter(r -> isStatement(r) && !copies.contains(r)).toList();
        if (pool.isEmpty()) {
            pool = ranked.stream().filter(r -> !r.furniture()
                    && !SentenceKinds.isQuestion(r.text()) && !copies.contains(r)).toList();
        }
        if (pool.isEmpty()) {
            pool = ranked.stream().filter(r -> !r.furniture()).toList();
        }
        if (pool.isEmpty()) {
            pool = ranked;
        }
        RankedSentence best = pool.get(0);
        used.add(best);
        String text = best.text();
        // a second sentence only when the article has enough left for the other fields
        RankedSentence next = pool.size() >= MIN_SENTENCES_TO_COMBINE ? pool.get(1) : null;
        if (next != null && text.length() < TLDR_MAX / 2 && best.overlap(next) <= MAX_OVERLAP
                && text.length() + 1 + next.text().length() <= TLDR_MAX) {
            used.add(next);
            text = next.position() < best.position() ? next.text() + " " + text : text + " " + next.text();
        }
        return shortener.shorten(text, TLDR_MAX);
    }

    private String whatToDoNext(List<RankedSentence> ranked, List<RankedSentence> used, List<ArticleLink> links) {
        List<RankedSentence> free = ranked.stream().filter(s -> !isUsedOrOverlapping(s, used)).toList();
        ActionFinder.Action action = actions.find(free, ranked, links);
        if (action == null) {
            return null; // a pointer to the article is not an action: the card links it already
        }
        used.add(action.sentence());
        return withLink(action.sentence().text(), action.link());
    }

    /** The action sentence with the link kept whole: cut after the link, or shortened before it. */
    private String withLink(String sentence, String link) {
        if (link == null) {
            return shortener.shorten(sentence, FIELD_MAX);
        }
        int at = sentence.indexOf(link);
        if (at >= 0 && at + link.length() < FIELD_MAX) {
            return shortener.shorten(sentence, FIELD_MAX);
        }
        String before = at >= 0 ? sentence.substring(0, at) : sentence;
        return shortener.shorten(before, FIELD_MAX - link.length() - 1) + " " + link;
    }

    /**
     * The best free statement with enough of a cue: never a question, quote, meta line, fragment or a
     * near copy of the title.
     */
    private String pick(List<RankedSentence> ranked, List<RankedSentence> used, Set<RankedSentence> copies,
                        ToDoubleFunction<RankedSentence> cue, double minCue) {
        RankedSentence best = null;
        double bestScore = 0;
        for (RankedSentence s : ranked) {
            double c = cue.applyAsDouble(s);
            if (c < minCue || !isStatement(s) || SentenceKinds.isQuote(s.text()) || copies.contains(s)
                    || isUsedOrOverlapping(s, used)) {
                continue;
            }
            double score = s.score() * (1 + 0.3 * Math.min(c, 5));
            if (best == null || score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        used.add(best);
        return shortener.shorten(best.text(), FIELD_MAX);
    }

    /** Up to three further statements, facts (numbers, names) first, shown in article order. */
    private List<String> takeaways(List<RankedSentence> ranked, List<RankedSentence> used, Set<RankedSentence> copies) {
        List<RankedSentence> chosen = new ArrayList<>();
        List<RankedSentence> candidates = new ArrayList<>(ranked);
        candidates.sort(Comparator.comparingDouble((RankedSentence s) ->
                        -(s.text().length() > TAKEAWAY_MAX ? 0.7 : 1.0) * (1 + 0.25 * cues.facts(s)) * s.score())
                .thenComparingInt(RankedSentence::position));
        for (RankedSentence s : candidates) {
            if (chosen.size() == MAX_TAKEAWAYS) {
                break;
            }
            if (!isStatement(s) || copies.contains(s) || isUsedOrOverlapping(s, used)) {
                continue;
            }
            chosen.add(s);
            used.add(s);
        }
        chosen.sort(Comparator.comparingInt(RankedSentence::position));
        return chosen.stream().map(s -> shortener.shorten(s.text(), TAKEAWAY_MAX)).toList();
    }

    /**
     * The hook (SPEC §5.1): a short statement of the news that no other field uses — one of the
     * article's strongest sentences that fits in {@value Card#HOOK_MAX} chars and carries an event or
     * a number. None when the article has no such sentence: a hook is never the TL;DR again.
     */
    private String hook(List<RankedSentence> ranked, List<RankedSentence> used, Set<RankedSentence> copies) {
        double top = ranked.get(0).score();
        for (RankedSentence s : ranked) {
            if (s.score() < HOOK_MIN_SCORE * top) {
                return null; // ranked by score: the rest are weaker still
            }
            if (s.text().length() <= Card.HOOK_MAX && isStatement(s) && !SentenceKinds.isQuote(s.text())
                    && s.tokens().size() >= 5 && cues.event(s) >= 1.5 && !copies.contains(s)
                    && !isUsedOrOverlapping(s, used)) {
                used.add(s);
                return s.text();
            }
        }
        return null;
    }

    /** More than one free statement is left, so a hook cannot take the card's last takeaway. */
    private boolean takeawaysWouldRemain(List<RankedSentence> ranked, List<RankedSentence> used) {
        return ranked.stream().filter(s -> isStatement(s) && !isUsedOrOverlapping(s, used)).limit(2).count() >= 2;
    }

    /**
     * A whole sentence that states something: ends as a sentence does (or was marked "…" where the
     * feed cut it), starts as one does, holds any quotation whole, and is not furniture, a question,
     * a heading, a list of labels, a fragment or a sentence that leans on the one before it.
     */
    private static boolean isStatement(RankedSentence s) {
        String t = s.text();
        return SentenceKinds.endsComplete(t) && !SentenceKinds.startsLowerCase(t) && !s.furniture()
                && !SentenceKinds.isQuestion(t) && !SentenceKinds.isFragment(t, s.tokens().size())
                && !SentenceKinds.isList(t) && !SentenceKinds.hasUnbalancedQuote(t) && !SentenceKinds.continuesPrevious(t);
    }

    /** A sentence opening with the section's own label ("Why it matters: …", Axios style) would show it twice. */
    private static final Pattern WHY_IT_MATTERS_LABEL = Pattern.compile("(?iu)^\\W*why (?:it|this) matters\\W*[:—–-]\\s*");
    private static final Pattern WHAT_CHANGED_LABEL = Pattern.compile("(?iu)^\\W*what(?:'s| has|’s)? (?:changed|new)\\W*[:—–-]\\s*");

    private static String withoutOwnLabel(String section, Pattern label) {
        if (section == null) {
            return null;
        }
        Matcher m = label.matcher(section);
        if (!m.lookingAt() || m.end() >= section.length()) {
            return section;
        }
        String rest = section.substring(m.end());
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /**
     * The sentences that are near copies of the title (same words, give or take a few): the card shows
     * the title already. Computed once per article from the tokens the ranker made.
     */
    private Set<RankedSentence> titleCopies(List<RankedSentence> ranked, String title) {
        Set<RankedSentence> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        if (title == null || title.isEmpty()) {
            return copies;
        }
        Set<String> titleWords = new HashSet<>(tokenizer.tokenize(title));
        for (RankedSentence r : ranked) {
            if (WordOverlap.jaccard(new HashSet<>(r.tokens()), titleWords) >= NEAR_COPY) {
                copies.add(r);
            }
        }
        return copies;
    }

    private static boolean isUsedOrOverlapping(RankedSentence s, List<RankedSentence> used) {
        for (RankedSentence u : used) {
            if (u == s || u.overlap(s) > MAX_OVERLAP) {
                return true;
            }
        }
        return false;
    }
}
