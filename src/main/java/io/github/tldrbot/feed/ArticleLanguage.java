package io.github.tldrbot.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of an article (SPEC §4.2, {@link Article#lang()}) with Apache OpenNLP's
 * language detector and its published model ({@code langdetect-183.bin}: 103 languages, character
 * 1–3-grams, maximum entropy), returning an ISO 639-1 code such as {@code en}, {@code de}, {@code ru}.
 *
 * <p>Input: the title and the head of the body — at most {@value #MAX_CHARS} chars in all. The
 * first paragraph already decides the language (on the 2,496 articles of the two feed corpora, 600
 * chars gave the same answers as 1,500), and the detector's cost grows with the text.
 *
 * <p>The answer is null when:
 * <ul>
 *   <li>the text has fewer than {@value #MIN_LETTERS} letters ({@value #MIN_IDEOGRAPHS} Chinese or
 *       Japanese characters, which carry a word or syllable each): a headline like "Apple ships M5"
 *       is too little for character n-grams, and no answer is better than a guess;</li>
 *   <li>the best language is not at least {@value #MIN_RATIO} times as probable as the runner-up.
 *       The model's probabilities are spread over 103 languages and poorly calibrated: plain
 *       Chinese text often scores 0.02–0.06 while being right, so an absolute threshold either drops
 *       whole languages or lets guesses through. The margin over the runner-up is what separates
 *       them: on the corpora every wrong top language (English read as Latin or Waray, Russian as
 *       Bulgarian, code as Spanish) had a ratio under 1.3, and at 1.5 short prefixes of 10–30
 *       letters were rejected rather than mislabelled;</li>
 *   <li>the detected language has no ISO 639-1 code (Cebuano, Waray, Low German, Swiss German,
 *       Asturian): {@link Article#lang()} holds ISO 639-1 codes only.</li>
 * </ul>
 * Individual languages of a macrolanguage map to its code: Mandarin and Min Nan → {@code zh},
 * Iranian Persian → {@code fa}, Standard Estonian/Latvian → {@code et}/{@code lv}, Plateau Malagasy
 * → {@code mg}, Western Panjabi → {@code pa}, Minangkabau → {@code ms}.
 *
 * <p>The model (a 10 MB file, about a second to read, 40 MB of heap) is loaded once per process on
 * first use and shared: it is immutable data, like a constant table, so one copy serves every parser. Detection goes
 * through {@link LanguagePredictor}: OpenNLP's answer, with the n-grams built several times faster
 * than OpenNLP builds them. So this class is thread-safe.
 */
public final class ArticleLanguage {

    /** The model file inside the {@code opennlp-models-langdetect} jar. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    static final int MAX_CHARS = 600;
    static final int MIN_LETTERS = 20;
    static final int MIN_IDEOGRAPHS = 8;
    static final double MIN_RATIO = 1.5;

    /** ISO 639-3 codes of the model that Locale's ISO 639-2/T table does not cover. */
    private static final Map<String, String> INDIVIDUAL_LANGUAGES = Map.of(
            "cmn", "zh", "nan", "zh", "pes", "fa", "ekk", "et", "lvs", "lv",
            "plt", "mg", "pnb", "pa", "min", "ms");
    private static final Map<String, String> ISO_639_1 = iso6391ByIso6393();

    /**
     * Detects nothing: every article keeps {@code lang} null. For a parser whose caller detects
     * later, only for the articles it keeps (the poll path: most entries of a polled document are
     * already stored, and detection costs more than parsing them).
     */
    public static final ArticleLanguage NONE = new ArticleLanguage(false);

    private final boolean enabled;

    /** The process-wide predictor over the shared model: loaded on first use (holder idiom). */
    private static final class Shared {
        static final LanguagePredictor DETECTOR = new LanguagePredictor(loadModel());
    }

    /** A detector over the shared model. */
    public ArticleLanguage() {
        this(true);
    }

    private ArticleLanguage(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The ISO 639-1 code of the language of {@code title} + {@code body}, or null when the text is too
     * short, too mixed or in a language without such a code (see the class comment).
     */
    public String detect(String title, String body) {
        if (!enabled) {
            return null;
        }
        String text = head(title, body);
        if (!longEnough(text)) {
            return null;
        }
        Language[] ranked = Shared.DETECTOR.predictLanguages(text);
        if (ranked.length == 0 || (ranked.length > 1 && ranked[0].getConfidence() < MIN_RATIO * ranked[1].getConfidence())) {
            return null;
        }
        return ISO_639_1.get(ranked[0].getLang());
    }

    /** {@code article} with its language set (replacing any earlier value). */
    public Article detect(Article article) {
        if (!enabled) {
            return article;
        }
        String body = article.contentText() != null && !article.contentText().isBlank()
                ? article.contentText() : article.summary();
        return article.withLang(detect(article.title(), body));
    }

    /** Title and body joined by a sentence break, cut at {@link #MAX_CHARS}. */
    static String head(String title, String body) {
        StringBuilder out = new StringBuilder(MAX_CHARS);
        if (title != null && !title.isBlank()) {
            out.append(title.strip()).append(". ");
        }
        if (body != null) {
            out.append(body, 0, Math.min(body.length(), Math.max(0, MAX_CHARS - out.length())));
        }
        if (out.length() > MAX_CHARS) {
            out.setLength(MAX_CHARS);
        }
        // never end on half of a surrogate pair
        if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** The shared predictor (tests compare it with OpenNLP's own detector). */
    static LanguagePredictor predictor() {
        return Shared.DETECTOR;
    }

    static boolean longEnough(String text) {
        int letters = 0;
        int ideographs = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (isHanOrKana(cp)) {
                    ideographs++;
                }
            }
            if (letters >= MIN_LETTERS || ideographs >= MIN_IDEOGRAPHS) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHanOrKana(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    private static Map<String, String> iso6391ByIso6393() {
        Map<String, String> out = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            out.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
        out.putAll(INDIVIDUAL_LANGUAGES);
        return Map.copyOf(out);
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = ArticleLanguage.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " is not on the class path (dependency org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + MODEL_RESOURCE, e);
        }
    }
}
