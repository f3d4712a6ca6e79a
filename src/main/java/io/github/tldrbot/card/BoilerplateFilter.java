package io.github.tldrbot.card;

import java.util.regex.Pattern;

/**
 * Recognises single sentences that say nothing about the news, for what {@link TextCleaner} cannot
 * see at the text level (furniture run into a paragraph): WordPress's "The post X appeared first on
 * Y.", "Continue reading…", "Read more…" and their translations, "Click here…", "Related: …" and
 * "See also …" pointers to other articles, share prompts,
 * comment counters, "Permalink", and a sentence that is only a URL. They are dropped before ranking so
 * they never become a TL;DR. A sentence that merely contains "read more" inside real content is kept:
 * only short sentences that start with such a phrase are dropped. Stateless and thread-safe.
 */
final class BoilerplateFilter {

    private static final Pattern ANYWHERE = Pattern.compile(
            "(?i)\\bappeared first on\\b|\\bthe post .{1,300} appeared\\b");
    private static final Pattern LEADING = Pattern.compile(
            "(?iu)^[\\s\\p{Punct}“”‘’»«\\[(|·•→]*(?:read more|continue reading|keep reading|click here|read the full"
            + " (?:story|article|post)|leave a comment|share this|share on|share via|tweet this"
            + "|subscribe to our newsletter|advertisement|weiterlesen|lire la suite|leer más|seguir leyendo|leia mais"
            + "|continua a leggere|читать далее|続きを読む|related\\s*:\\s*|see also|also read|read also|more on this story"
            + "|\\d+\\s*comments?)\\b.*");
    private static final Pattern WHOLE = Pattern.compile(
            "(?i)^[\\s\\p{Punct}∞★→]*(?:comments?|sponsored|source|via \\S+|permalink|tweet|share|like this|\\[link]\\s*\\[\\d*\\s*comments?])"
            + "[\\s\\p{Punct}\\d→]*$");
    /** A podcast host's footer ("See omnystudio.com/listener for privacy information."): not the episode. */
    private static final Pattern PRIVACY_POINTER = Pattern.compile(
            "(?i)^\\W*(?:see|visit|read)\\b.*\\bfor (?:our |more )?privacy (?:information|policy|notice)\\W*$");
    private static final int SHORT = 140;
    /** First letters (lower case) of the words LEADING and WHOLE start with; a digit-only start is a space. */
    private static final String INITIALS = "rcklsawm tvpчл続 ";

    boolean isBoilerplate(String sentence) {
        // every ANYWHERE match contains "appeared": a plain search rules most sentences out cheaply
        if ((sentence.contains("ppeared") || sentence.contains("PPEARED")) && ANYWHERE.matcher(sentence).find()) {
            return true;
        }
        if (sentence.length() > SHORT) {
            return false;
        }
        if ((sentence.contains("://") || sentence.contains("www.")) && TextCleaner.isOnlyUrl(sentence)) {
            return true;
        }
        if (sentence.contains("rivacy") && PRIVACY_POINTER.matcher(sentence).matches()) {
            return true;
        }
        // both patterns start with one of a few words: most sentences are ruled out by their first letter
        return INITIALS.indexOf(TextCleaner.firstLetter(sentence)) >= 0
                && (LEADING.matcher(sentence).matches() || WHOLE.matcher(sentence).matches());
    }
}
