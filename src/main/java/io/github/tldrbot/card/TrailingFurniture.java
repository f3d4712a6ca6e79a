package io.github.tldrbot.card;

import java.util.regex.Pattern;

/**
 * Furniture at the end of a body, for {@link TextCleaner}: a "Read more …" that runs to the end, and
 * signatures and bylines ("- Jane Roe, Widget API Team", "— The Widget Team", "By Jane Roe in Paris"),
 * on a last line of their own or run into the last paragraph. Removed repeatedly, since they stack
 * ("Thanks! - Jane Roe\nShare this:").
 */
final class TrailingFurniture {

    /**
     * A pointer that ends the text; {@link #trailingMoreStart} tries it only where one can start: at the
     * line's start or after a sentence's end or a separator.
     */
    private static final Pattern TRAILING_MORE = Pattern.compile(
            "(?iu)[\\s(\\[]*" + ReadMorePhrases.MORE + "(?![\\p{L}\\p{N}])[\\s.…:»›→>)\\]]*[^.!?。\\n]{0,120}");
    /** What may stand just before a trailing pointer. */
    private static final String BEFORE_MORE = ".!?…。！？:|·•-–—([>»\"”";
    /**
     * "- Jane Roe, …", "— The Widget Team", "-- Jane Roe on behalf of the Widget Team.": a dash, then a
     * capitalised name, then no sentence end (a dashed list item usually has one).
     */
    private static final Pattern DASH_SIGNATURE = Pattern.compile(
            "^[-–—~]{1,2}\\s*\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}\\.)*\\s+\\p{Lu}[\\p{L}’'-]*[^\\n.!?]{0,100}(?:Team\\.)?$");
    private static final String TEAM = "(?:Team|Staff|Crew|Editors|Redaktion|équipe|Equipo|Equipe)";
    /** "Jane Roe, Widget API Team" (a name, a comma, a team) or "The Widget Team" (a team alone). */
    private static final Pattern TEAM_SIGNATURE = Pattern.compile(
            "^\\p{Lu}[\\p{L}.’' -]{1,60},\\s*\\p{Lu}[^\\n.!?]{0,80}\\s" + TEAM + "\\.?$"
            + "|^(?:The\\s+)?\\p{Lu}[\\p{L}\\p{N}&’'-]*(?:\\s+[\\p{L}\\p{N}&’'-]+){0,3}\\s" + TEAM + "$");
    /** "By Jane Roe", "Posted by Jane Roe in Paris, 2024-01-08.": a name, then at most a place and a date or role. */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:(?:Posted|Written|Published) by|By)\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\.)*\\s+\\p{Lu}[\\p{L}’'-]+"
            + "(?:\\s+in\\s+[^\\n,]{1,60})?(?:,\\s*[^\\n]{1,60})?\\.?$");
    /** A signature run into the last paragraph: "… for your feedback. - Jane Roe, Widget API Team". */
    private static final Pattern INLINE_SIGNATURE = Pattern.compile(
            "[-–—]{1,2}\\s*\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}\\.)*\\s+\\p{Lu}[\\p{L}’'-]+[^\\n.!?]{0,80}\\.?");
    /** How far from the end a trailing pointer or run-in signature may start. */
    private static final int TAIL = 200;

    private TrailingFurniture() {
    }

    /** Removes "Read more …" and signatures from the end, repeatedly: "Thanks! - Jane Roe\nShare this:" */
    static String strip(String text) {
        String t = text.strip();
        for (int round = 0; round < 4 && !t.isEmpty(); round++) {
            int lineStart = t.lastIndexOf('\n') + 1;
            String last = t.substring(lineStart).strip();
            String cut = t;
            if (last.length() <= TextCleaner.SHORT_LINE && isSignature(last)) {
                cut = t.substring(0, lineStart);
            } else {
                int from = Math.max(lineStart, t.length() - TAIL);
                int more = trailingMoreStart(t, lineStart, from);
                int signature = more >= 0 ? -1 : inlineSignatureStart(t, from);
                if (more >= 0) {
                    cut = t.substring(0, more);
                } else if (signature >= 0) {
                    cut = t.substring(0, signature);
                }
            }
            cut = cut.strip();
            if (cut.equals(t)) {
                break;
            }
            t = cut;
        }
        return t.contains("\n\n\n") ? t.replaceAll("\\n{3,}", "\n\n") : t;
    }

    /**
     * Where a "Read more …" that runs to the end of the text starts, or -1. Tried only at the few places
     * a pointer can start (the line's start, after a sentence's end or a separator), not at every char.
     */
    private static int trailingMoreStart(String t, int lineStart, int from) {
        for (int k = from; k < t.length(); k++) {
            boolean candidate = k == lineStart || (BEFORE_MORE.indexOf(t.charAt(k - 1)) >= 0
                    && BEFORE_MORE.indexOf(t.charAt(k)) < 0);
            if (candidate && TRAILING_MORE.matcher(t).region(k, t.length()).matches()) {
                return k;
            }
        }
        return -1;
    }

    /** Where "… for your feedback. - Jane Roe, Widget API Team" leaves the sentence, or -1. */
    private static int inlineSignatureStart(String t, int from) {
        for (int k = Math.max(from, 2); k < t.length(); k++) {
            char c = t.charAt(k);
            if ((c == '-' || c == '–' || c == '—') && Character.isWhitespace(t.charAt(k - 1))) {
                int s = k - 1;
                while (s > 0 && Character.isWhitespace(t.charAt(s - 1))) {
                    s--;
                }
                if (s > 0 && ".!?".indexOf(t.charAt(s - 1)) >= 0
                        && INLINE_SIGNATURE.matcher(t).region(k, t.length()).matches()) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean isSignature(String line) {
        return DASH_SIGNATURE.matcher(line).matches() || TEAM_SIGNATURE.matcher(line).matches()
                || BYLINE.matcher(line).matches();
    }
}
