package io.github.tldrbot.card;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides "who should care" about an article (SPEC §5.3) from the configured audiences' weighted
 * keywords.
 *
 * <p>Score of an audience = Σ over its keywords of weight × (3 × hits in the title + 2 × hits in the
 * categories + hits in the text), each count capped (title and categories at 2, text at 3) so one
 * repeated word cannot outvote the rest. Keywords match case-insensitively on word boundaries with a
 * light plural fold (see {@link WordTokenizer}). The result is the best audience plus up to two more
 * that score at least {@value #RELATIVE_CUTOFF} of the best, ordered by score, ties by id — so the
 * result is the same whatever order the audiences are configured in. When no keyword matches at all
 * the list is empty. Only the first {@value #MAX_TEXT_CHARS} chars of the text are read, which keeps
 * 200 KB articles fast. Immutable and thread-safe.
 */
public final class AudienceClassifier {

    static final int MAX_AUDIENCES = 3;
    static final double RELATIVE_CUTOFF = 0.35;
    static final int MAX_TEXT_CHARS = 20_000;

    private final List<AudienceConfig> audiences;
    private final WordTokenizer tokenizer = new WordTokenizer();
    private final PhraseMatcher matcher;
    /** For phrase id k: the audience index and weight. */
    private final int[] phraseAudience;
    private final double[] phraseWeight;

    public AudienceClassifier(List<AudienceConfig> audiences) {
        this.audiences = audiences.stream().sorted(Comparator.comparing(AudienceConfig::id)).toList();
        List<String> phrases = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        for (int a = 0; a < this.audiences.size(); a++) {
            List<Map.Entry<String, Double>> keywords = this.audiences.get(a).keywords().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList();
            for (Map.Entry<String, Double> kw : keywords) {
                if (kw.getValue() != null && kw.getValue() > 0) {
                    phrases.add(kw.getKey());
                    owner.add(a);
                    weight.add(kw.getValue());
                }
            }
        }
        this.matcher = new PhraseMatcher(phrases, tokenizer);
        this.phraseAudience = owner.stream().mapToInt(Integer::intValue).toArray();
        this.phraseWeight = weight.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** 0–3 audiences for {@code article}, most relevant first. */
    public List<AudienceRef> classify(Article article) {
        double[] scores = score(article);
        List<Integer> ranked = new ArrayList<>();
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] > 0) {
                ranked.add(a);
            }
        }
        ranked.sort(Comparator.<Integer>comparingDouble(a -> -scores[a]).thenComparingInt(a -> a));
        List<AudienceRef> out = new ArrayList<>();
        for (int a : ranked) {
            if (out.size() == MAX_AUDIENCES || scores[a] < RELATIVE_CUTOFF * scores[ranked.get(0)]) {
                break;
            }
            AudienceConfig c = audiences.get(a);
            out.add(new AudienceRef(c.id(), c.label()));
        }
        return out;
    }

    /** Raw score per audience, indexed like the audiences sorted by id. */
    double[] score(Article article) {
        int[] title = matcher.count(tokenizer.tokenize(article.title(), MAX_TEXT_CHARS));
        int[] categories = new int[phraseWeight.length];
        for (String category : article.categories()) {
            int[] c = matcher.count(tokenizer.tokenize(category, MAX_TEXT_CHARS));
            for (int k = 0; k < c.length; k++) {
                categories[k] += c[k];
            }
        }
        int[] text = matcher.count(tokenizer.tokenize(bodyOf(article), MAX_TEXT_CHARS));
        double[] scores = new double[audiences.size()];
        for (int k = 0; k < phraseWeight.length; k++) {
            int hits = 3 * Math.min(title[k], 2) + 2 * Math.min(categories[k], 2) + Math.min(text[k], 3);
            scores[phraseAudience[k]] += phraseWeight[k] * hits;
        }
        return scores;
    }

    private static String bodyOf(Article a) {
        if (a.contentText() != null && !a.contentText().isBlank()) {
            return a.contentText();
        }
        return a.summary();
    }
}
