package io.github.tldrbot.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes Discord markdown in text that comes from the internet (titles, summaries, feed names), so
 * it cannot restyle a card or a reply. Unlike JDA's {@code MarkdownSanitizer} it also escapes
 * backslashes and markers that only count at the start of a line ({@code #}, {@code >}, {@code -},
 * {@code +}, {@code 1.}); bare {@code http(s)://} links are left as they are so they stay clickable.
 */
public final class DiscordMarkdown {
    private static final Pattern LINK = Pattern.compile("(?i)https?://\\S+");
    private static final String ALWAYS_ESCAPED = "\\*_~`|[]<";
    private static final String LINE_START_ESCAPED = "#>-+";

    private DiscordMarkdown() {
    }

    /** {@code text} with markdown escaped outside bare links; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher links = LINK.matcher(text);
        int from = 0;
        while (links.find()) {
            escapeInto(out, text, from, links.start());
            out.append(text, links.start(), links.end());
            from = links.end();
        }
        escapeInto(out, text, from, text.length());
        return out.toString();
    }

    private static void escapeInto(StringBuilder out, String text, int from, int to) {
        boolean lineStart = from == 0 || text.charAt(from - 1) == '\n';
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (ALWAYS_ESCAPED.indexOf(c) >= 0 || lineStart && LINE_START_ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            } else if (lineStart && Character.isDigit(c)) {
                int j = i;
                while (j < to && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j < to && text.charAt(j) == '.') {
                    out.append(text, i, j).append("\\.");
                    i = j;
                    lineStart = false;
                    continue;
                }
            }
            out.append(c);
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ') {
                lineStart = false;
            }
        }
    }
}
