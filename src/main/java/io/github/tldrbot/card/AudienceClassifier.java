package io.github.tldrbot.card;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.config.AudienceKeyword;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides "who should care" about an article (SPEC §5.3) from the configured audiences' weighted
 * keywords.
 *
 * <p>Score of an audience = Σ over its keywords of weight × (3 × hits in the title + 2 × hits in the
 * categories + hits in the text), each count capped (title and categories at 2, text at 3) so one
 * repeated word cannot outvote the rest. Keywords match case-insensitively on word boundaries with a
 * light plural fold (see {@link WordTokenizer}); a phrase beats the words inside it, a {@code word*}
 * is a prefix, and a {@code keyword?} counts only when another keyword of the same audience also
 * matched somewhere in the article (see {@link AudienceKeyword} and {@link PhraseMatcher}). Keywords
 * of every language apply to every article: the default non-English keywords are chosen not to be
 * English words, so an article whose language is unknown is still classified.
 *
 * <p>The result is the best audience plus up to two more that score at least
 * {@value #RELATIVE_CUTOFF} of the best, ordered by score, ties by id — so the result is the same
 * whatever order the audiences are configured in. When no keyword matches at all the list is empty.
 *
 * <p><b>Prior audiences</b> (the feed's or subscription's audience, {@link #classify(Article,
 * Collection)}): their score is multiplied by {@value #PRIOR_BOOST}, and a prior audience that
 * matched at all is named even below the relative cut-off (within the three); when no keyword of any
 * audience matched, the prior audiences are the answer. Unknown ids are ignored.
 *
 * <p>Only the first {@value #MAX_TEXT_CHARS} chars of the text are read, which keeps 200 KB articles
 * fast. Immutable and thread-safe.
 */
public final class AudienceClassifier {

    static final int MAX_AUDIENCES = 3;
    static final double RELATIVE_CUTOFF = 0.35;
    static final double PRIOR_BOOST = 1.5;
    static final int MAX_TEXT_CHARS = 20_000;
    /** Keyword weight a feed's name must carry to state an audience: "strong" in {@link DefaultAudiences}' scale. */
    static final double STRONG_NAME_WEIGHT = 2.0;

    private final List<AudienceConfig> audiences;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final WordTokenizer tokenizer = new WordTokenizer();
    private final PhraseMatcher matcher;
    /** For phrase id k: the audience index, the weight and whether it needs another keyword of its audience. */
    private final int[] phraseAudience;
    private final double[] phraseWeight;
    private final boolean[] phraseNeedsCompany;

    /** @throws IllegalArgumentException when a keyword is malformed (the config loader checks them first) */
    public AudienceClassifier(List<AudienceConfig> audiences) {
        this.audiences = audiences.stream().sorted(Comparator.comparing(AudienceConfig::id)).toList();
        List<String> phrases = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        List<Boolean> company = new ArrayList<>();
        for (int a = 0; a < this.audiences.size(); a++) {
            indexById.put(this.audiences.get(a).id(), a);
            List<Map.Entry<String, Double>> keywords = this.audiences.get(a).keywords().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList();
            for (Map.Entry<String, Double> kw : keywords) {
                if (kw.getValue() != null && kw.getValue() > 0) {
                    AudienceKeyword keyword = AudienceKeyword.parse(kw.getKey());
                    phrases.add(keyword.phrase());
                    owner.add(a);
                    weight.add(kw.getValue());
                    company.add(keyword.needsCompany());
                }
            }
        }
        this.matcher = new PhraseMatcher(phrases, tokenizer);
        this.phraseAudience = owner.stream().mapToInt(Integer::intValue).toArray();
        this.phraseWeight = weight.stream().mapToDouble(Double::doubleValue).toArray();
        this.phraseNeedsCompany = new boolean[company.size()];
        for (int k = 0; k < company.size(); k++) {
            phraseNeedsCompany[k] = company.get(k);
        }
    }

    /** 0–3 audiences for {@code article}, most relevant first. */
    public List<AudienceRef> classify(Article article) {
        return classify(article, List.of());
    }

    /**
     * 0–3 audiences for {@code article}, most relevant first, raising the {@code priorAudienceIds}
     * (the feed's or subscription's audience; see the class comment).
     */
    public List<AudienceRef> classify(Article article, Collection<String> priorAudienceIds) {
        double[] scores = score(article);
        boolean[] prior = new boolean[scores.length];
        List<Integer> priorOrder = new ArrayList<>();
        for (String id : priorAudienceIds) {
            Integer a = id == null ? null : indexById.get(id);
            if (a != null && !prior[a]) {
                prior[a] = true;
                priorOrder.add(a);
                scores[a] *= PRIOR_BOOST;
            }
        }
        List<Integer> ranked = new ArrayList<>();
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] > 0) {
                ranked.add(a);
            }
        }
        if (ranked.isEmpty()) {
            return priorOrder.stream().limit(MAX_AUDIENCES).map(this::ref).toList();
        }
        ranked.sort(Comparator.<Integer>comparingDouble(a -> -scores[a]).thenComparingInt(a -> a));
        double floor = RELATIVE_CUTOFF * scores[ranked.get(0)];
        List<Integer> kept = new ArrayList<>(ranked.stream().filter(a -> scores[a] >= floor).toList());
        for (int a : ranked) {
            if (prior[a] && !kept.contains(a)) {
                kept.add(a);
            }
        }
        kept.sort(Comparator.<Integer>comparingDouble(a -> -scores[a]).thenComparingInt(a -> a));
        while (kept.size() > MAX_AUDIENCES) {
            // drop the weakest audience that is not a prior (the best one always stays)
            int drop = kept.size() - 1;
            for (int k = kept.size() - 1; k >= 1; k--) {
                if (!prior[kept.get(k)]) {
                    drop = k;
                    break;
                }
            }
            kept.remove(drop);
        }
        return kept.stream().map(this::ref).toList();
    }

    /**
     * The audiences a feed's <em>name</em> states ("Release notes from gulp", "heise developer"): only
     * strong keywords count (weight at least {@value #STRONG_NAME_WEIGHT}, not a {@code word?} that needs
     * company), because a name is a few words with no context to tell a word's sense; the best audience
     * plus those within the relative cut-off, at most {@value #MAX_AUDIENCES}. Empty when none is stated.
     */
    public List<AudienceRef> classifyName(String name) {
        int[] hits = matcher.countLongest(tokenizer.tokenize(name, MAX_TEXT_CHARS));
        double[] scores = new double[audiences.size()];
        for (int k = 0; k < hits.length; k++) {
            if (hits[k] > 0 && !phraseNeedsCompany[k] && phraseWeight[k] >= STRONG_NAME_WEIGHT) {
                scores[phraseAudience[k]] += phraseWeight[k];
            }
        }
        List<Integer> ranked = new ArrayList<>();
        double best = 0;
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] > 0) {
                ranked.add(a);
                best = Math.max(best, scores[a]);
            }
        }
        double floor = RELATIVE_CUTOFF * best;
        return ranked.stream().filter(a -> scores[a] >= floor)
                .sorted(Comparator.<Integer>comparingDouble(a -> -scores[a]).thenComparingInt(a -> a))
                .limit(MAX_AUDIENCES).map(this::ref).toList();
    }

    private AudienceRef ref(int a) {
        AudienceConfig c = audiences.get(a);
        return new AudienceRef(c.id(), c.label());
    }

    /** Raw score per audience, indexed like the audiences sorted by id. */
    double[] score(Article article) {
        int[] title = matcher.countLongest(tokenizer.tokenize(article.title(), MAX_TEXT_CHARS));
        int[] categories = new int[phraseWeight.length];
        for (String category : article.categories()) {
            int[] c = matcher.countLongest(tokenizer.tokenize(category, MAX_TEXT_CHARS));
            for (int k = 0; k < c.length; k++) {
                categories[k] += c[k];
            }
        }
        int[] text = matcher.countLongest(tokenizer.tokenize(bodyOf(article), MAX_TEXT_CHARS));
        int[] hits = new int[phraseWeight.length];
        int[] matchedKeywords = new int[audiences.size()];
        for (int k = 0; k < phraseWeight.length; k++) {
            hits[k] = 3 * Math.min(title[k], 2) + 2 * Math.min(categories[k], 2) + Math.min(text[k], 3);
            if (hits[k] > 0) {
                matchedKeywords[phraseAudience[k]]++;
            }
        }
        double[] scores = new double[audiences.size()];
        for (int k = 0; k < phraseWeight.length; k++) {
            // a ?-keyword needs at least one other matched keyword of its audience
            if (hits[k] > 0 && (!phraseNeedsCompany[k] || matchedKeywords[phraseAudience[k]] >= 2)) {
                scores[phraseAudience[k]] += phraseWeight[k] * hits[k];
            }
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
