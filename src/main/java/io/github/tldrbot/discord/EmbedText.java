package io.github.tldrbot.discord;

import io.github.tldrbot.card.TextShortener;

/**
 * Prepares card and feed text for an embed: cleans it, escapes Discord markdown and shortens it to
 * a cap in UTF-16 chars (the unit Discord and JDA count).
 *
 * <p>Card text is plain text, but Discord renders markdown in embed titles, descriptions and field
 * values, so a headline like {@code *nix tips} or {@code __init__} would be mangled. {@link #escape}
 * puts a backslash before each character that could start markdown (and before line-start markers
 * such as {@code #}, {@code >}, {@code -}); Discord hides such backslashes, so the text reads as
 * written. Bare {@code http(s)://} links are left untouched so they stay clickable. JDA's
 * {@code MarkdownSanitizer.escape} was not used because it does not escape backslashes (so
 * {@code C:\_tmp} would come out wrong) nor line-start markers.
 *
 * <p>Shortening reuses {@link TextShortener} (word boundary, ends with {@code …}, never splits a
 * surrogate pair, ZWJ sequence, flag or combining mark), moves the cut back to a full grapheme
 * cluster boundary when that shortener's cut is not one (e.g. Thai {@code ก่ำ}), and drops a
 * backslash left alone before the {@code …} so the cut never escapes the ellipsis. Lengths are
 * UTF-16 chars as JDA's {@code EmbedBuilder} counts them; that is never less than the code-point
 * count {@code MessageEmbed.getLength()} uses, so both checks pass. Stateless and thread-safe.
 */
final class EmbedText {


    private final TextShortener shortener;

    EmbedText(TextShortener shortener) {
        this.shortener = shortener;
    }

    /** One line of text: white space collapsed, broken characters replaced; null when blank. */
    String line(String raw) {
        String s = clean(raw);
        if (s == null) {
            return null;
        }
        s = s.replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    /** Text that may keep its line breaks (at most one blank line in a row); null when blank. */
    String paragraph(String raw) {
        String s = clean(raw);
        if (s == null) {
            return null;
        }
        s = s.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\t\\x0B\\f\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+", " ")
                .replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
        return s.isEmpty() ? null : s;
    }

    /** {@code text} with markdown escaped outside bare links; null stays null. */
    String escape(String text) {
        return DiscordMarkdown.escape(text);
    }

    /**
     * {@code text} if it fits in {@code max} chars, else shortened to end with {@code …}.
     *
     * @param max at least 2
     */
    String fit(String text, int max) {
        String s = shortener.shorten(text, max);
        if (s == null || !s.endsWith(TextShortener.ELLIPSIS) || s.equals(text)) {
            return s;
        }
        String head = s.substring(0, s.length() - TextShortener.ELLIPSIS.length());
        int backslashes = 0;
        while (backslashes < head.length() && head.charAt(head.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + TextShortener.ELLIPSIS;
    }

    /** Replaces unpaired surrogates with U+FFFD and control characters (but line breaks) with spaces. */
    private static String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\r') {
                out.append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
