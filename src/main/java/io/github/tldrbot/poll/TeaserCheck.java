package io.github.tldrbot.poll;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a teaser from an article body ({@code fullText: auto}): no body at all, a body under
 * {@value #MIN_CHARS} characters (which covers the 255-character cut of podcast feeds and the
 * 55-word WordPress excerpt), under {@value #MIN_SENTENCES} sentences, or one that ends the way a
 * cut text does ("…", "[…]", "Read more", "Continue reading", or a prose paragraph stopping
 * mid-sentence: a feed that cuts at N characters). Sentences are counted by their end
 * marks only: the count decides between "a paragraph" and "an article", where a stray abbreviation
 * changes nothing. Stateless and thread-safe.
 */
final class TeaserCheck {
    static final int MIN_CHARS = 400;
    static final int MIN_SENTENCES = 3;
    /** How far from the end a "read more" invitation still marks a cut text. */
    private static final int TAIL = 160;
    /** A last paragraph this long is prose, not a caption or credit line, so it should end a sentence. */
    private static final int PROSE_PARAGRAPH = 100;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…](?:[\"'”’»)\\]]*)(?=\\s|$)");
    private static final Pattern CUT_MARK = Pattern.compile(
            "\\[(?:…|\\.\\.\\.)]|(?:…|\\.\\.\\.)\\s*$|\\b(?:read more|continue reading|read the full|keep reading"
                    + "|weiterlesen|lire la suite|leer más|seguir leyendo|continuar lendo|leia mais|читать далее)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** @param body the feed's own text of the article ({@code contentText}, else {@code summary}); may be null */
    boolean isTeaser(String body) {
        if (body == null || body.isBlank()) {
            return true;
        }
        String text = body.strip();
        if (text.length() < MIN_CHARS) {
            return true;
        }
        String tail = text.substring(Math.max(0, text.length() - TAIL)).toLowerCase(Locale.ROOT);
        if (CUT_MARK.matcher(tail).find() || endsMidSentence(text)) {
            return true;
        }
        Matcher ends = SENTENCE_END.matcher(text);
        int sentences = 0;
        while (sentences < MIN_SENTENCES && ends.find()) {
            sentences++;
        }
        // Text after the last end mark is a sentence too (a body that stops without a full stop).
        if (sentences < MIN_SENTENCES && !text.matches("(?s).*[.!?。！？…][\"'”’»)\\]]*$")) {
            sentences++;
        }
        return sentences < MIN_SENTENCES;
    }

    private static boolean endsMidSentence(String text) {
        int lastBreak = text.lastIndexOf("\n\n");
        String last = lastBreak < 0 ? text : text.substring(lastBreak + 2);
        char end = text.charAt(text.length() - 1);
        return last.length() >= PROSE_PARAGRAPH && (Character.isLetterOrDigit(end) || end == ',' || end == ';');
    }
}
