package io.github.tldrbot.feed;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;
import opennlp.tools.ml.model.MaxentModel;

import java.util.Arrays;

/**
 * OpenNLP's {@code predictLanguages} over one shared model: every language with its probability,
 * most probable first. With the model's default factory (the published {@code langdetect-183.bin})
 * the text is normalised by {@link LanguageTextNormalizer} (OpenNLP's chain, skipping steps that
 * cannot match) and the n-grams come from {@link LanguageNgrams} — the same features in the same order as OpenNLP's own
 * context generator, several times cheaper — and go to the same model; any other factory goes
 * through OpenNLP's {@link ThreadSafeLanguageDetectorME}. Either way the answer is OpenNLP's, to the
 * bit. Thread-safe: the model's evaluation allocates its own arrays.
 */
final class LanguagePredictor {

    private final MaxentModel model;
    private final ThreadSafeLanguageDetectorME detector;
    private final boolean ownNgrams;

    LanguagePredictor(LanguageDetectorModel model) {
        this.model = model.getMaxentModel();
        this.detector = new ThreadSafeLanguageDetectorME(model);
        this.ownNgrams = model.getFactory().getClass() == LanguageDetectorFactory.class;
    }

    /** Every language of the model with its probability for {@code text}, most probable first (ties: model order). */
    Language[] predictLanguages(String text) {
        if (!ownNgrams) {
            return detector.predictLanguages(text);
        }
        return predictFromNgrams(text);
    }

    /** Whether the n-grams are built here (the model has the default factory). */
    boolean buildsOwnNgrams() {
        return ownNgrams;
    }

    /** OpenNLP's own answer, for comparison in tests. */
    Language[] predictWithOpenNlp(String text) {
        return detector.predictLanguages(text);
    }

    private Language[] predictFromNgrams(String text) {
        String[] ngrams = LanguageNgrams.of(LanguageTextNormalizer.normalize(text));
        float[] values = new float[ngrams.length];
        Arrays.fill(values, 1f);
        double[] probabilities = model.eval(ngrams, values);
        Language[] ranked = new Language[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            ranked[i] = new Language(model.getOutcome(i), probabilities[i]);
        }
        // a stable sort by falling probability, as LanguageDetectorME sorts
        Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
        return ranked;
    }
}
