package io.github.tldrbot.testing;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * News-like text for {@link FarmDocuments}: words from a Zipf law over 50,000 types whose most
 * frequent ones are English function words (as in real text, where they are about half of all
 * tokens), capitalised names (a few thousand widely covered ones, drawn by a Zipf law, and a large
 * space of rare ones), numbers. Different articles share what real articles share — function words,
 * common words, famous names — and little else, so that story matching, full-text indexing and
 * summarising do the work they do on real feeds. Deterministic for a given random source.
 */
final class FarmText {
    private static final String[] FUNCTION_WORDS = ("the of and to a in that is was for on it with as he said at by from "
            + "his an be has have are but were not this had they which their after been will more would about who also one "
            + "she its her or we new than when there all into up over two can out last other year time some told could them "
            + "if no only so what most because our just before during while where under since against between both many such "
            + "those these then through very may week according each being any until still now how him did do does down off "
            + "once own same should too").split(" +");
    private static final String[] OPENERS = {"The", "In", "On", "After", "A", "This", "It", "But", "As", "According to",
            "With", "For", "Officials said", "Last week,"};
    private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n",
            "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "nd", "rk", "ng"};
    static final int VOCABULARY = 50_000;
    private static final int POPULAR_NAMES = 3_000;

    private static final String[] WORDS = new String[VOCABULARY];
    private static final double[] WORD_CDF = zipf(VOCABULARY);
    private static final double[] NAME_CDF = zipf(POPULAR_NAMES);

    static {
        System.arraycopy(FUNCTION_WORDS, 0, WORDS, 0, FUNCTION_WORDS.length);
        SplittableRandom r = new SplittableRandom(42);
        for (int i = FUNCTION_WORDS.length; i < VOCABULARY; i++) {
            // frequent words are short, rare ones longer, as in English
            WORDS[i] = syllables(r, i < 2_000 ? 1 + r.nextInt(2) : 2 + r.nextInt(2));
        }
    }

    private FarmText() {
    }

    /** A headline: a name and 5–10 words, first letter capitalised. */
    static String title(SplittableRandom r) {
        StringBuilder b = new StringBuilder(name(r));
        if (r.nextInt(4) == 0) {
            b.append("&#8217;s");
        }
        int words = 5 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
            b.append(' ').append(i == words / 2 && r.nextBoolean() ? name(r) : i == 2 && r.nextInt(3) == 0
                    ? String.valueOf(2 + r.nextInt(400)) : word(r));
        }
        return b.toString();
    }

    /** One sentence of 10–17 tokens, capitalised, ending with a full stop; sometimes quoted with typographic quotes. */
    static String sentence(SplittableRandom r) {
        StringBuilder b = new StringBuilder(OPENERS[r.nextInt(OPENERS.length)]);
        int tokens = 10 + r.nextInt(8);
        for (int i = 0; i < tokens; i++) {
            int kind = r.nextInt(100);
            b.append(' ');
            if (kind < 9) {
                b.append(name(r));
                if (kind == 0) {
                    b.append(" &amp; ").append(name(r));
                }
            } else if (kind < 13) {
                b.append(r.nextBoolean() ? String.valueOf(1 + r.nextInt(999)) : (1 + r.nextInt(99)) + "%");
            } else {
                b.append(word(r));
            }
            if (i > 3 && i < tokens - 2 && r.nextInt(9) == 0) {
                b.append(',');
            }
        }
        b.append('.');
        return r.nextInt(8) == 0 ? "&#8220;" + b + "&#8221; " + name(r) + " said." : b.toString();
    }

    /** A capitalised name: usually a widely covered one, sometimes one of the article's own. */
    static String name(SplittableRandom r) {
        if (r.nextInt(3) == 0) {
            return capital(syllables(r, 2 + r.nextInt(2)));
        }
        int k = sample(NAME_CDF, r);
        return capital(syllables(new SplittableRandom(k * 0x9E3779B97F4A7C15L + 7), 2 + k % 2));
    }

    static String word(SplittableRandom r) {
        return WORDS[sample(WORD_CDF, r)];
    }

    private static String syllables(SplittableRandom r, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
        }
        return b.append(CODAS[r.nextInt(CODAS.length)]).toString();
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static double[] zipf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        cdf[n - 1] = 1;
        return cdf;
    }

    private static int sample(double[] cdf, SplittableRandom r) {
        double u = r.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
