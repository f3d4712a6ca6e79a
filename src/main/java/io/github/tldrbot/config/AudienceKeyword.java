package io.github.tldrbot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One keyword of an audience as written in the configuration (SPEC §5.3): a word or a phrase, with
 * two optional marks that give word-sense care where a plain word would be ambiguous.
 * <ul>
 *   <li>{@code word*} — a prefix: matches every word that starts with it, for languages that inflect
 *       ({@code уязвим*}: уязвимость, уязвимости, уязвимостью) or compound ({@code sicherheitslück*}:
 *       Sicherheitslücke, Sicherheitslücken). At least {@value #MIN_PREFIX} letters before the
 *       {@code *} ({@value #MIN_LATER_PREFIX} on a later word of a phrase: {@code исходн* код*});
 *       allowed on any word of a phrase.</li>
 *   <li>{@code phrase?} — needs company: counts only when the article also matches another keyword
 *       of the same audience. For words with several senses: {@code library?} makes Developers only
 *       next to api, python, version, package… — never in a story about a public library.</li>
 * </ul>
 * Phrases always beat the words inside them: where {@code video game} matches, {@code video} and
 * {@code game} do not also count there (see the classifier).
 *
 * @param phrase       the words, lower case, without the {@code ?} mark (a {@code *} stays on its word)
 * @param needsCompany true for a {@code ?} keyword
 */
public record AudienceKeyword(String phrase, boolean needsCompany) {

    public static final int MIN_PREFIX = 4;
    /** Later words of a phrase may be shorter prefixes: the words before them already narrow the match. */
    public static final int MIN_LATER_PREFIX = 2;

    /**
     * Reads one keyword as written.
     *
     * @throws IllegalArgumentException when a mark is misplaced or a prefix too short; the message
     *                                  says what to write instead
     */
    public static AudienceKeyword parse(String written) {
        String s = written == null ? "" : written.strip().toLowerCase(Locale.ROOT);
        boolean company = s.endsWith("?");
        if (company) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("'" + written + "' has no word; write a word or phrase, e.g. api or video game");
        }
        if (s.indexOf('?') >= 0) {
            throw new IllegalArgumentException("'" + written + "': '?' may only end the keyword (library?)");
        }
        String[] words = s.split("\\s+");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            int star = word.indexOf('*');
            if (star >= 0 && star != word.length() - 1) {
                throw new IllegalArgumentException("'" + written + "': '*' may only end a word (sicherheitslück*)");
            }
            int min = w == 0 ? MIN_PREFIX : MIN_LATER_PREFIX;
            if (star >= 0 && word.codePointCount(0, star) < min) {
                throw new IllegalArgumentException("'" + written + "': a prefix needs at least " + min
                        + " letters before '*' (" + MIN_PREFIX + " for the first word of a phrase), or it matches too many words");
            }
        }
        return new AudienceKeyword(s, company);
    }

    /** The words of the phrase as written (a prefix word still ends in {@code *}). */
    public List<String> words() {
        return new ArrayList<>(List.of(phrase.split("\\s+")));
    }
}
