package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.text.Whitespace;
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
import org.jsoup.Jsoup;

/**
 * The default offline, deterministic summarizer (SPEC §5.1–5.2): picks sentences of the article
 * itself for every card field.
 *
 * <p>Steps: take {@code contentText}, else {@code summary} (else only the title); strip any HTML or
 * entities a feed let through; strip platform furniture ({@link TextCleaner}); split into sentences in
 * the article's language (the first {@value #MAX_SENTENCES} of the first {@value #MAX_CHARS} chars —
 * long articles put their point first, and this keeps 200 KB inputs fast), each ending properly
 * ({@link SentenceEndings}: a text the feed cut ends in "…"); drop boilerplate and duplicates; rank
 * (see {@link SentenceRanker}); then fill the fields, each from sentences no earlier field used and not overlapping them by more than half:
 * <ul>
 *   <li>{@code tldr}: the best sentence, plus the runner-up when both fit in {@value #TLDR_MAX} chars;</li>
 *   <li>{@code whatToDoNext}: the best sentence with an action cue (update to, download, register…),
 *       with a link from the text when the sentence or its neighbours carry one; else
 *       "Read the full story: &lt;link&gt;" — a pointer, not filler;</li>
 *   <li>{@code whatChanged}: the best sentence with an event cue (a change verb, number, version, date);</li>
 *   <li>{@code whyItMatters}: the best sentence with a consequence cue (means, allows, will, because…);</li>
 *   <li>{@code keyTakeaways}: up to three further sentences, in article order.</li>
 * </ul>
 * Length caps (UTF-16 chars, including the "…" of a shortened text): tldr, whatChanged,
 * whyItMatters and whatToDoNext {@value #TLDR_MAX}; each takeaway {@value #TAKEAWAY_MAX}. A field with
 * no fitting sentence stays null (or the list empty). An article with no text gets a card whose tldr
 * is its title and whose other fields are empty. Thread-safe; never throws for odd input.
 */
public final class ExtractiveSummarizer implements Summarizer {

    public static final String NAME = "extractive";
    /** Plain-text chars read from the body; long articles put their point first. */
    static final int MAX_CHARS = 40_000;
    static final int MAX_SENTENCES = 80;
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
    /** Only a true repeat is dropped, so sentences are compared by their words as written, never folded. */
    private static final WordTokenizer KEY_WORDS = WordTokenizer.asWritten(WordTokenizer.Normalisation.NONE);
    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<[a-zA-Z/!]|&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

    private final AudienceClassifier classifier;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final TextShortener shortener = new TextShortener();
    private final TextCleaner cleaner = new TextCleaner();
    private final FeedCut feedCut = new FeedCut();
    private final SentenceEndings endings = new SentenceEndings();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();
    private final WordTokenizer tokenizer = new WordTokenizer();
    private final SentenceRanker ranker = new SentenceRanker(tokenizer);
    private final CueScorer cues = new CueScorer(tokenizer);
    private final ActionFinder actions = new ActionFinder();

    public ExtractiveSummarizer(AudienceClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Card summarize(Article article) {
        return summarize(article, List.of());
    }

    @Override
    public Card summarize(Article article, List<String> priorAudienceIds) {
        List<AudienceRef> audiences = classifier.classify(article, priorAudienceIds);
        String title = Whitespace.collapse(clean(article.title())); // a title is one line whatever the feed sent
        String body = firstNonBlank(article.contentText(), article.summary());
        List<String> sentences = body == null ? List.of() : sentences(article, body, title);
        if (sentences.isEmpty()) {
            String tldr = title.isEmpty() ? null : shortener.shorten(title, TLDR_MAX);
            return new Card(tldr, null, null, null, audiences, List.of(), NAME);
        }
        List<RankedSentence> ranked = new ArrayList<>(ranker.rank(sentences, title));
        ranked.sort(Comparator.comparingDouble(RankedSentence::score).reversed()
                .thenComparingInt(RankedSentence::position));
        List<RankedSentence> used = new ArrayList<>();
        Set<RankedSentence> copies = titleCopies(ranked, title);

        String tldr = tldr(ranked, used, copies);
        String whatToDoNext = whatToDoNext(ranked, used, article.links());
        String whatChanged = withoutOwnLabel(pick(ranked, used, copies, cues::concreteEvent, MIN_EVENT_CUE), WHAT_CHANGED_LABEL);
        String whyItMatters = withoutOwnLabel(pick(ranked, used, copies, cues::consequence, MIN_CONSEQUENCE_CUE),
                WHY_IT_MATTERS_LABEL);
        // before the takeaways, which need only one sentence to count, after the sections that need theirs
        String hook = takeawaysWouldRemain(ranked, used) ? hook(ranked, used, copies) : null;
        List<String> takeaways = takeaways(ranked, used, copies);
        return new Card(tldr, whatChanged, whyItMatters, whatToDoNext, audiences, takeaways, NAME)
                .withHook(hook);
    }

    /**
     * The body's sentences, ready to rank: furniture stripped ({@link TextCleaner}), split in the
     * article's language, every sentence ending properly ({@link SentenceEndings}: a cut — the feed's own
     * or our {@value #MAX_CHARS}-char cap — ends in "…"), then boilerplate, repeats and the title dropped.
     */
    /**
     * Whether the article has text a card can be made from once furniture and boilerplate are gone
     * (a reddit link post or a "Comments" placeholder has none): the card-quality report's "articles
     * with text".
     */
    public boolean hasUsableText(Article article) {
        String body = firstNonBlank(article.contentText(), article.summary());
        String title = Whitespace.collapse(clean(article.title()));
        return body != null && !sentences(article, body, title).isEmpty();
    }

    private List<String> sentences(Article article, String body, String title) {
        String text = clean(head(body));
        FeedCut.Text cleaned;
        if (text.length() > MAX_CHARS) {
            String capped = text.substring(0, capAt(text));
            cleaned = new FeedCut.Text(cleaner.clean(capped), true);
        } else {
            cleaned = feedCut.detect(cleaner.clean(text), body.strip().length());
        }
        List<String> split = splitter.split(cleaned.text(), MAX_SENTENCES + 1, article.lang());
        boolean cutAtEnd = cleaned.cut();
        if (split.size() > MAX_SENTENCES) {
            split = split.subList(0, MAX_SENTENCES); // the last one kept ended where the next began
            cutAtEnd = false;
        }
        LinkLines linkLines = article.links().isEmpty() ? LinkLines.NONE : new LinkLines(article.links());
        List<String> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < split.size(); i++) {
            if (SentenceKinds.opensSponsorBlock(split.get(i))) {
                split = split.subList(0, i); // sponsor reads to the end of the text
                cutAtEnd = false;
                break;
            }
        }
        for (String s : endings.settle(split, cutAtEnd, linkLines::isOnlyLinks)) {
            String k = key(s);
            if (!k.isEmpty() && !boilerplate.isBoilerplate(s) && seen.add(k)) {
                out.add(s);
                keys.add(k);
            }
        }
        if (out.size() > 1) {
            String titleKey = key(title);
            List<String> kept = new ArrayList<>(out.size());
            for (int i = 0; i < out.size(); i++) {
                if (!keys.get(i).equals(titleKey)) {
                    kept.add(out.get(i));
                }
            }
            return kept;
        }
        return out;
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

    /**
     * Where to cap a long text: at the last space before {@value #MAX_CHARS} (the sentence cut there is
     * marked as cut anyway), else before it without splitting a surrogate pair. Cheap: no grapheme scan
     * of 40 000 chars.
     */
    private static int capAt(String text) {
        for (int k = MAX_CHARS; k > MAX_CHARS - 200; k--) {
            if (Character.isWhitespace(text.charAt(k))) {
                return k;
            }
        }
        return Character.isLowSurrogate(text.charAt(MAX_CHARS)) ? MAX_CHARS - 1 : MAX_CHARS;
    }

    /** The part of a raw body worth cleaning: markup may take room, so more than {@link #MAX_CHARS}. */
    private static String head(String body) {
        int max = 4 * MAX_CHARS;
        return body.length() <= max ? body : body.substring(0, TextShortener.characterBoundaryAtOrBefore(body, max));
    }

    /** Plain text: markup a feed let through is stripped, entities decoded, white space collapsed. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        // text from the feed parser is plain already: without '<' or '&' the markup test cannot match
        boolean mayHaveMarkup = s.indexOf('<') >= 0 || s.indexOf('&') >= 0;
        String text = mayHaveMarkup && LOOKS_LIKE_MARKUP.matcher(s).find() ? Jsoup.parseBodyFragment(s).text() : s;
        return text.replace('\u00A0', ' ').strip();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Comparison key: the words in lower case with nothing between them, so spacing and punctuation do not count. */
    private static String key(String s) {
        return String.join("", KEY_WORDS.tokenize(s));
    }
}
