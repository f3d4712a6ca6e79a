package io.github.tldrbot.text;

/**
 * The one white-space collapser of plain text: what counts as a space, and text with every run of
 * spaces turned into one. Sentences, titles and the length of a page's text nodes are measured with
 * the same definition, so a no-break space typed between two words never makes one word of them.
 *
 * <p>(HTML has its own, wider rule in {@code feed.HtmlText}: zero-width spaces and byte-order marks in
 * markup are layout, not text, and go before any text reaches this class.) Stateless.
 */
public final class Whitespace {

    private Whitespace() {
    }

    /**
     * {@link Character#isWhitespace} or a no-break space (U+00A0, U+202F): typography puts those
     * between words, so they separate words like a plain space. ASCII is tested directly, without the
     * Unicode table, as most feed text is ASCII.
     */
    public static boolean isSpace(char ch) {
        if (ch < 0x80) {
            return ch == ' ' || (ch >= '\t' && ch <= '\r') || (ch >= 0x1C && ch <= 0x1F);
        }
        return Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u202F';
    }

    /** Trims and collapses every run of white space to one space. */
    public static String collapse(String s) {
        return collapse(s, 0, s.length());
    }

    /** {@link #collapse(String)} of {@code s[from, to)}; most sentences need no change, so no copy is built then. */
    public static String collapse(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++; // sentences start after the white space that ended the one before
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        if (isCollapsed(s, from, to)) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        boolean space = false;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (isSpace(ch)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * The length {@code text} adds to the collapsed text of the element holding it, without building
     * that text: leading white space is dropped and every other run counts as one character. A trailing
     * run counts too, because the next text node of the element follows it ("a " + "<a>link</a>").
     */
    public static int collapsedLength(String text) {
        int length = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                if (!space) {
                    length++;
                    space = true;
                }
            } else {
                length++;
                space = false;
            }
        }
        return length;
    }

    /** No white space at either end, and none inside except single plain spaces. */
    private static boolean isCollapsed(String s, int from, int to) {
        if (from >= to || isSpace(s.charAt(from)) || isSpace(s.charAt(to - 1))) {
            return false;
        }
        for (int k = from + 1; k < to - 1; k++) {
            char ch = s.charAt(k);
            if (isSpace(ch) && (ch != ' ' || isSpace(s.charAt(k + 1)))) {
                return false;
            }
        }
        return true;
    }
}
