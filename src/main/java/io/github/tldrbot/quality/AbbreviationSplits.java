package io.github.tldrbot.quality;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sections cut at an abbreviation or initial, for the card-quality report: a sentence splitter that
 * took "L.A." or "Rs." for a sentence end leaves a section that ends on it, or one that continues from
 * it in the article's text.
 */
final class AbbreviationSplits {

    /**
     * A last token that is an initial or a known short abbreviation: "B.", "L.A.", "U.S.", "Rs.",
     * "Dr.", "e.g.". Lower-case dotted forms other than the listed ones ("a.m.", "p.m.") commonly
     * end a sentence, so they do not count.
     */
    private static final Pattern ENDS_WITH_ABBREVIATION = Pattern.compile(
            "(?:^|[\\s(\"'“‘])(?:\\p{Lu}\\.(?:\\p{L}\\.)*|(?:Rs|Mr|Mrs|Ms|Dr|St|No|vs|Prof|Gen|Gov|Sen|Rep|Mt|Ft|approx|cf"
                    + "|e\\.g|i\\.e|Nr|Bd|Abs|bzw|ca|z\\.B|u\\.a|d\\.h|Vol|Fig)\\.)$");

    private AbbreviationSplits() {
    }

    /**
     * The sections that show a sentence cut at an abbreviation or initial: one that ends on it
     * ("…haircuts, L.A.", "…price of Rs."), or one that the article's text continues from it
     * ("Noire, …" after "L.A."), or one that starts with a lower-case word right after a period in
     * the same line of the text (a split before a word that continues the sentence; every line break
     * is a sentence boundary, as for the splitter).
     * Boilerplate is counted as such, not here.
     */
    static List<String> find(Card card, Article article) {
        List<String> out = new ArrayList<>();
        for (String section : CardChecks.sections(card)) {
            String s = section.strip();
            if (SectionBoilerplate.find(s, false).isPresent()) {
                continue;
            }
            boolean cutAtAbbreviation = endsOnAbbreviation(s) && !endsALine(s, article.title())
                    && !endsALine(s, article.contentText()) && !endsALine(s, article.summary());
            if (cutAtAbbreviation || continuesSplitSentence(s, article.contentText())
                    || continuesSplitSentence(s, article.summary())) {
                out.add(section);
            }
        }
        return out;
    }

    /**
     * Whether the section's last words end a line, a paragraph or the whole of {@code text}: then a
     * final "Wii U." or "the letter D." ends its sentence for sure and nothing was cut there.
     */
    static boolean endsALine(String section, String text) {
        if (!CardChecks.present(text)) {
            return false;
        }
        String[] words = section.strip().split("\\s+");
        List<String> tail = new ArrayList<>();
        for (int i = Math.max(0, words.length - 6); i < words.length; i++) {
            tail.add(Pattern.quote(words[i]));
        }
        StringBuilder closers = new StringBuilder();
        CardChecks.CLOSERS.chars().forEach(c -> closers.append('\\').append((char) c));
        return Pattern.compile(String.join("\\s+", tail) + "[" + closers + "]*[ \\t]*(?:\\n|$)").matcher(text).find();
    }

    static boolean endsOnAbbreviation(String section) {
        return ENDS_WITH_ABBREVIATION.matcher(section.strip()).find();
    }

    /**
     * Whether, where the section's first words stand in {@code text}, the word just before them
     * (same line) is an abbreviation or initial — or ends with a period while the section
     * starts lower-case.
     */
    static boolean continuesSplitSentence(String section, String text) {
        if (!CardChecks.present(text)) {
            return false;
        }
        String[] words = section.strip().split("\\s+");
        List<String> head = new ArrayList<>();
        int length = 0;
        for (String w : words) {
            if (head.size() == 6 || length > 60) {
                break;
            }
            head.add(Pattern.quote(w));
            length += w.length() + 1;
        }
        Matcher m = Pattern.compile(String.join("\\s+", head)).matcher(text);
        if (!m.find()) {
            return false;
        }
        int gapStart = m.start();
        while (gapStart > 0 && Character.isWhitespace(text.charAt(gapStart - 1))) {
            gapStart--;
        }
        if (gapStart == m.start() || gapStart == 0 || text.substring(gapStart, m.start()).indexOf('\n') >= 0) {
            return false; // glued to the word before, at the very start, or a new line (a boundary): no split here
        }
        int tokenStart = gapStart;
        while (tokenStart > 0 && !Character.isWhitespace(text.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        String token = text.substring(tokenStart, gapStart);
        return ENDS_WITH_ABBREVIATION.matcher(token).find() || token.endsWith(".") && startsWithLowerCaseWord(section.strip());
    }

    /** A plain lower-case word: "iPhone", "eBay", "x86", URLs and "label:" are not. */
    private static boolean startsWithLowerCaseWord(String s) {
        int end = 0;
        while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '-' || s.charAt(end) == '\'')) {
            end++;
        }
        if (end == 0 || !Character.isLowerCase(s.charAt(0)) || end < s.length() && s.charAt(end) == ':') {
            return false;
        }
        return s.substring(1, end).chars().noneMatch(Character::isUpperCase)
                && (end == s.length() || Character.isWhitespace(s.charAt(end)) || s.charAt(end) == ',');
    }
}
