package io.github.tldrbot.story;

import io.github.tldrbot.text.WordTokenizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article into the weighted features story matching compares: title and lead words (folded
 * by {@link WordTokenizer}, stop words dropped), named-entity-like runs of capitalised words
 * ({@code e:} prefix), numbers of two or more digits ({@code #} prefix) and links to other sites
 * ({@code l:} prefix, the article's own link included so that an article citing another one matches
 * it; {@link #isLink}). Weights are raw term counts times the feature kind's weight; document frequencies are applied
 * later by the index. Stateless and thread-safe.
 */
final class StoryFeatures {

    /** Features of one article, plus its canonical link (or null). */
    record Extracted(Map<String, Float> weights, String canonicalUrl) {
    }

    /** A word-like run, kept with its case (for entities) and the character before it. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}]|['’&.-](?=[\\p{L}\\p{N}]))*");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*\\d|\\d");

    private final WordTokenizer tokenizer = new WordTokenizer();
    private final StorySettings settings;

    /** Whether a feature key is a named-entity-like phrase. */
    static boolean isEntity(String key) {
        return key.startsWith("e:");
    }

    /** Whether a feature key is a link. */
    static boolean isLink(String key) {
        return key.startsWith("l:");
    }

    StoryFeatures(StorySettings settings) {
        this.settings = settings;
    }

    Extracted extract(StoryArticle a) {
        Map<String, Float> w = new HashMap<>();
        String title = a.title() == null ? "" : a.title();
        String text = a.text() == null ? "" : a.text();
        String lead = text.length() > settings.leadChars() ? text.substring(0, settings.leadChars()) : text;
        words(title, (float) settings.titleWeight(), w);
        words(lead, 1f, w);
        if (!isTitleCase(title)) {
            entities(title, (float) settings.entityWeight(), w);
        }
        entities(lead, (float) settings.entityWeight(), w);
        numbers(title + "\n" + lead, (float) settings.numberWeight(), w);
        String own = CanonicalUrl.of(a.url()).orElse(null);
        if (own != null) {
            w.merge("l:" + own, 1f, Float::sum);
        }
        String ownHost = own == null ? null : CanonicalUrl.host(own);
        for (String link : a.links()) {
            Optional<String> c = CanonicalUrl.of(link);
            // front pages and the outlet's own pages (navigation, "more on this") say nothing of the story
            if (c.isPresent() && !CanonicalUrl.isFrontPage(c.get()) && !CanonicalUrl.host(c.get()).equals(ownHost)) {
                w.put("l:" + c.get(), 1f);
            }
        }
        return new Extracted(w, own);
    }

    private void words(String s, float weight, Map<String, Float> w) {
        for (String t : tokenizer.tokenize(s)) {
            if (isWord(t) && !StopWords.contains(t)) {
                w.merge(t, weight, Float::sum);
            }
        }
    }

    /** Whether a token is worth a word feature: not a bare number (those are numbers), not one letter. */
    private static boolean isWord(String t) {
        if (t.length() == 1) {
            return Character.isIdeographic(t.codePointAt(0));
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs of capitalised words ("Joe Biden", "European Central Bank", "FDA"), lower-cased and folded.
     * A stop word at the start of a run is dropped (sentence-initial "The"), so is a lone capitalised word
     * opening a sentence, which is capitalised for grammar, not because it names something.
     */
    private void entities(String s, float weight, Map<String, Float> w) {
        Matcher m = WORD.matcher(s);
        StringBuilder run = new StringBuilder();
        int runWords = 0;
        boolean runAtSentenceStart = false;
        int lastEnd = 0;
        while (m.find()) {
            String tok = m.group();
            boolean cap = Character.isUpperCase(tok.codePointAt(0));
            boolean gap = !s.substring(lastEnd, m.start()).isBlank() || s.substring(lastEnd, m.start()).contains("\n");
            if (!cap || (gap && run.length() > 0)) {
                flushEntity(run, runWords, runAtSentenceStart, weight, w);
                run.setLength(0);
                runWords = 0;
            }
            if (cap) {
                String lower = tok.toLowerCase(java.util.Locale.ROOT);
                if (run.length() == 0 && StopWords.contains(lower)) {
                    lastEnd = m.end();
                    continue;
                }
                if (run.length() == 0) {
                    runAtSentenceStart = sentenceStart(s, m.start());
                }
                run.append(run.length() == 0 ? "" : " ").append(tok);
                runWords++;
            }
            lastEnd = m.end();
        }
        flushEntity(run, runWords, runAtSentenceStart, weight, w);
    }

    private void flushEntity(StringBuilder run, int words, boolean atSentenceStart, float weight, Map<String, Float> w) {
        if (run.length() == 0 || (words == 1 && atSentenceStart)) {
            return;
        }
        List<String> toks = tokenizer.tokenize(run.toString());
        if (toks.isEmpty() || (toks.size() == 1 && (toks.get(0).length() < 2 || StopWords.contains(toks.get(0))))) {
            return;
        }
        w.merge("e:" + String.join(" ", toks), weight, Float::sum);
    }

    /** Whether the character before {@code at} (skipping spaces and quotes) ends a sentence or the text starts. */
    private static boolean sentenceStart(String s, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '"' && c != '“' && c != '‘' && c != '\'' && c != '(' && c != '—'
                    && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** A headline in Title Case capitalises every word, so its capitals do not mark names. */
    private static boolean isTitleCase(String title) {
        Matcher m = WORD.matcher(title);
        int words = 0;
        int caps = 0;
        while (m.find()) {
            String t = m.group();
            if (t.length() > 3) {
                words++;
                if (Character.isUpperCase(t.codePointAt(0))) {
                    caps++;
                }
            }
        }
        return words >= 3 && caps >= 0.7 * words;
    }

    /** Numbers of two or more digits ("1,000" and "1000" alike); a lone digit is too common to mean anything. */
    private static void numbers(String s, float weight, Map<String, Float> w) {
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            String n = m.group().replace(",", "");
            while (n.endsWith(".")) {
                n = n.substring(0, n.length() - 1);
            }
            if (n.replace(".", "").length() >= 2) {
                w.merge("#" + n, weight, Float::sum);
            }
        }
    }

    /** For tests: the feature keys of an article. */
    Set<String> keys(StoryArticle a) {
        return new LinkedHashSet<>(extract(a).weights().keySet());
    }
}
