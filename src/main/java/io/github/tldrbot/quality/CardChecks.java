package io.github.tldrbot.quality;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.SentenceSplitter;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The defects the card-quality report counts (issue 9), each a test on one card, one section or
 * one article. Patterns are general (platform furniture, punctuation, markup), never written for
 * one feed. Stateless and thread-safe.
 *
 * <p>A <em>section</em> is one text a reader reads as a unit: the TL;DR, what changed, why it
 * matters, what to do next, and each key takeaway.
 */
public final class CardChecks {

    /** Leftover markup: common HTML elements only, since text such as {@code Atomic<T>} or {@code <Leader>} is legitimate. */
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)</?(a|b|br|div|em|i|img|li|ol|p|span|strong|table|td|tr|ul|h[1-6]|iframe|script|style|figure|hr|blockquote|font)(\\s[^<>]*)?/?>");
    private static final Pattern RAW_ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern ENDS_WITH_URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S*$");
    private static final Pattern BARE_URL = Pattern.compile("(?i)[<(\\[]?(?:https?://|www\\.)\\S+?[>)\\]]?[.]?");

    /**
     * After links and punctuation are removed, what is left of a pointer that only says "go to
     * the article": read/see/continue … the full/original story/article …, more, source, here.
     */
    private static final Pattern GENERIC_POINTER = Pattern.compile(
            "(?:(?:please|click|tap) )?(?:(?:read|see|view|visit|open|check|check out|go to|continue|continue reading|"
                    + "learn|find out|get|more|full|source|details|link|here|original)"
                    + "(?: (?:the|this|that|a|more|full|whole|original|complete|entire|rest|of|article|story|post|"
                    + "report|text|piece|item|entry|details|news|here|at|on|in|it|source|link|page|original|"
                    + "version|coverage|website|site|blog|reading|out))*)?");

    /** Platform furniture and signatures, by name; the first that matches a section is reported. */
    private static final List<Named> BOILERPLATE = List.of(
            new Named("reddit \"submitted by\"", Pattern.compile(
                    "(?i)\\bsubmitted by\\s+(?:/?u/\\S+|\\S+\\s+to\\s+(?:/?r/)?\\S+\\s*\\[link])")),
            new Named("[link] / [comments]", Pattern.compile("(?i)\\[(?:link|comments)]")),
            new Named("\"appeared first on\"", Pattern.compile("(?i)\\bappeared first on\\b")),
            new Named("\"Read more\"", Pattern.compile(
                    "(?i)(?:^|[\\s(\\[|»›→-])read more(?:\\s*(?:»|›|→|>>|\\.\\.\\.|…|\\]|\\)|:))?\\s*[.!]?\\s*(?:(?:https?://|www\\.)\\S*)?$")),
            new Named("\"Continue reading\"", Pattern.compile("(?i)\\bcontinue reading\\b")),
            new Named("signature \"- Name, Team\"", Pattern.compile(
                    "(?:^|\\s)[-–—~]\\s*\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}(?:,|\\s+on behalf of)\\s+[^.!?\\n]{2,60}$"
                            + "|^\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3},\\s+[\\p{L}\\p{N}&'’ -]{0,40}"
                            + "\\b(?:Team|Staff|Editors?|Desk|Group|Crew)$")),
            new Named("HN \"Comments URL\" / \"Points:\"", Pattern.compile(
                    "(?i:\\bcomments url:|\\barticle url:|#\\s*comments:\\s*\\d)|(?:^|\\s)Points:\\s*\\d")));

    /**
     * A last token that is an initial or a known short abbreviation: "B.", "L.A.", "U.S.", "Rs.",
     * "Dr.", "e.g.". Lower-case dotted forms other than the listed ones ("a.m.", "p.m.") commonly
     * end a sentence, so they do not count.
     */
    private static final Pattern ENDS_WITH_ABBREVIATION = Pattern.compile(
            "(?:^|[\\s(\"'“‘])(?:\\p{Lu}\\.(?:\\p{L}\\.)*|(?:Rs|Mr|Mrs|Ms|Dr|St|No|vs|Prof|Gen|Gov|Sen|Rep|Mt|Ft|approx|cf"
                    + "|e\\.g|i\\.e|Nr|Bd|Abs|bzw|ca|z\\.B|u\\.a|d\\.h|Vol|Fig)\\.)$");

    private static final String TERMINALS = ".!?…。！？｡۔।॥؟";
    private static final String CLOSERS = "\"'”’»)]」』）›*_";

    /** Texts are compared as the reader sees them, so their words are not folded. */
    private static final WordTokenizer WORDS = WordTokenizer.asWritten(WordTokenizer.Normalisation.NONE);

    private final SentenceSplitter splitter;

    public CardChecks(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    /** The sections of a card in reading order, absent ones left out. */
    public static List<String> sections(Card card) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {card.tldr(), card.whatChanged(), card.whyItMatters(), card.whatToDoNext()}) {
            if (present(s)) {
                out.add(s);
            }
        }
        for (String t : card.keyTakeaways()) {
            if (present(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Every text of a card a reader sees: {@link #sections} first, in that order, then the hook, the
     * model-only paragraphs and the timeline entries.
     */
    public static List<String> allTexts(Card card) {
        List<String> out = sections(card);
        for (String s : new String[] {card.hook(), card.deepInsight(), card.technicalDeepDive(), card.futureImplications()}) {
            if (present(s)) {
                out.add(s);
            }
        }
        card.timeline().forEach(e -> {
            if (e != null && present(e.text())) {
                out.add(e.text());
            }
        });
        return out;
    }

    public static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** No what changed, no why it matters, no takeaways: the card says no more than its TL;DR. */
    public static boolean onlyTldr(Card card) {
        return !present(card.whatChanged()) && !present(card.whyItMatters()) && card.keyTakeaways().stream().noneMatch(CardChecks::present);
    }

    /** How many of what changed / why it matters / takeaways the card has, besides a TL;DR. */
    public static int bodySections(Card card) {
        return (present(card.whatChanged()) ? 1 : 0) + (present(card.whyItMatters()) ? 1 : 0)
                + (card.keyTakeaways().stream().anyMatch(CardChecks::present) ? 1 : 0);
    }

    /** "Read the full story: <link>" and its equivalents: nothing but a pointer to the article. */
    public static boolean isGenericPointer(String whatToDoNext) {
        if (!present(whatToDoNext)) {
            return false;
        }
        String words = normalise(URL.matcher(whatToDoNext).replaceAll(" "));
        return words.isEmpty() || GENERIC_POINTER.matcher(words).matches();
    }

    public static boolean hasLink(String text) {
        return present(text) && URL.matcher(text).find();
    }

    /** Only for {@link #hasBodyText}: the summarizer's own cleaning decides what is text. */
    private static final ExtractiveSummarizer TEXT = new ExtractiveSummarizer(new AudienceClassifier(List.of()));

    /**
     * The article has text beyond its title once platform furniture and boilerplate are removed: a
     * reddit link post or a "Comments" placeholder has none, and a card can only repeat its title.
     */
    public static boolean hasBodyText(Article article) {
        return (present(article.contentText()) || present(article.summary())) && TEXT.hasUsableText(article);
    }

    /** TL;DR and title equal once case, punctuation and white space are ignored. */
    public static boolean tldrRepeatsTitle(Card card, Article article) {
        if (!present(card.tldr()) || !present(article.title())) {
            return false;
        }
        String tldr = normalise(card.tldr());
        return !tldr.isEmpty() && tldr.equals(normalise(article.title()));
    }

    /**
     * The section stops mid-text: its last character is not terminal punctuation ({@code . ! ? …}
     * or a CJK/Indic/Arabic full stop), nor a closing quote or bracket after one, and it does not
     * end with a URL. An ellipsis marks a cut, so it passes.
     */
    public static boolean endsMidText(String section) {
        String s = section.strip();
        if (s.isEmpty() || ENDS_WITH_URL.matcher(s).find()) {
            return false;
        }
        int end = s.length();
        while (end > 0 && CLOSERS.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end < s.length() && end > 0 && ENDS_WITH_URL.matcher(s.substring(0, end)).find()) {
            return false; // "(https://…)" or a markdown link
        }
        return end == 0 || TERMINALS.indexOf(s.charAt(end - 1)) < 0;
    }

    /** The name of the boilerplate the section carries, if any; a takeaway that is only a URL counts too. */
    public static Optional<String> boilerplate(String section, boolean isTakeaway) {
        String s = section.strip();
        if (isTakeaway && BARE_URL.matcher(s).matches()) {
            return Optional.of("bare URL as a takeaway");
        }
        for (Named n : BOILERPLATE) {
            if (n.pattern.matcher(s).find()) {
                return Optional.of(n.name);
            }
        }
        return Optional.empty();
    }

    /** Names of every boilerplate pattern, in report order. */
    public static List<String> boilerplateNames() {
        List<String> names = new ArrayList<>();
        BOILERPLATE.forEach(n -> names.add(n.name));
        names.add("bare URL as a takeaway");
        return names;
    }

    /**
     * The sections that show a sentence cut at an abbreviation or initial: one that ends on it
     * ("…haircuts, L.A.", "…price of Rs."), or one that the article's text continues from it
     * ("Noire, …" after "L.A."), or one that starts with a lower-case word right after a period in
     * the same line of the text (a split before a word that continues the sentence; every line break
     * is a sentence boundary, as for the splitter).
     * Boilerplate is counted as such, not here.
     */
    public static List<String> abbreviationSplits(Card card, Article article) {
        List<String> out = new ArrayList<>();
        for (String section : sections(card)) {
            String s = section.strip();
            if (boilerplate(s, false).isPresent()) {
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
        if (!present(text)) {
            return false;
        }
        String[] words = section.strip().split("\\s+");
        List<String> tail = new ArrayList<>();
        for (int i = Math.max(0, words.length - 6); i < words.length; i++) {
            tail.add(Pattern.quote(words[i]));
        }
        StringBuilder closers = new StringBuilder();
        CLOSERS.chars().forEach(c -> closers.append('\\').append((char) c));
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
        if (!present(text)) {
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

    /** Markup or an undecoded entity left in the text. */
    public static boolean htmlResidue(String text) {
        return HTML_TAG.matcher(text).find() || RAW_ENTITY.matcher(text).find();
    }

    /** True when the article's body (content, else summary) has at least {@code n} sentences. */
    public boolean bodyHasSentences(Article article, int n) {
        String body = present(article.contentText()) ? article.contentText() : article.summary();
        return present(body) && splitter.split(body, n).size() >= n;
    }

    /** The words of {@code s} in lower case, joined by single spaces: punctuation, symbols and spacing do not count. */
    public static String normalise(String s) {
        return String.join(" ", WORDS.tokenize(s));
    }

    /** Whether an article's language is known and not English. */
    public static boolean isNonEnglish(String lang) {
        return lang != null && !lang.isBlank() && !lang.toLowerCase(Locale.ROOT).startsWith("en");
    }

    private record Named(String name, Pattern pattern) {
    }
}
