package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The default offline, deterministic summarizer (SPEC §5.1–5.2): picks sentences of the article
 * itself for every card field.
 *
 * <p>Steps: take {@code contentText}, else {@code summary} (else only the title); strip any HTML or
 * entities a feed let through; strip platform furniture ({@link TextCleaner}); split into sentences in
 * the article's language (the first {@value #MAX_SENTENCES} of the first {@value #MAX_CHARS} chars —
 * long articles put their point first, and this keeps 200 KB inputs fast), each ending properly
 * ({@link SentenceEndings}: a text the feed cut ends in "…"); drop boilerplate and duplicates (all that
 * is {@link BodySentences}); rank (see {@link SentenceRanker}); then fill the fields ({@link
 * FieldPicker}), each from sentences no earlier field used and not overlapping them by more than half:
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
    static final int MAX_CHARS = BodySentences.MAX_CHARS;
    static final int MAX_SENTENCES = BodySentences.MAX_SENTENCES;
    static final int TLDR_MAX = FieldPicker.TLDR_MAX;
    static final int TAKEAWAY_MAX = FieldPicker.TAKEAWAY_MAX;

    private final AudienceClassifier classifier;
    private final BodySentences text = new BodySentences();
    private final TextShortener shortener = new TextShortener();
    private final WordTokenizer tokenizer = new WordTokenizer();
    private final SentenceRanker ranker = new SentenceRanker(tokenizer);
    private final FieldPicker fields = new FieldPicker(tokenizer);

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
        String title = text.title(article);
        String body = text.body(article);
        List<String> sentences = body == null ? List.of() : text.sentences(article, body, title);
        if (sentences.isEmpty()) {
            String tldr = title.isEmpty() ? null : shortener.shorten(title, TLDR_MAX);
            return new Card(tldr, null, null, null, audiences, List.of(), NAME);
        }
        List<RankedSentence> ranked = new ArrayList<>(ranker.rank(sentences, title));
        ranked.sort(Comparator.comparingDouble(RankedSentence::score).reversed()
                .thenComparingInt(RankedSentence::position));
        return fields.card(ranked, title, article.links(), audiences);
    }

    /**
     * Whether the article has text a card can be made from once furniture and boilerplate are gone
     * (a reddit link post or a "Comments" placeholder has none): the card-quality report's "articles
     * with text".
     */
    public boolean hasUsableText(Article article) {
        String body = text.body(article);
        String title = text.title(article);
        return body != null && !text.sentences(article, body, title).isEmpty();
    }
}
