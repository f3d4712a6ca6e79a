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

    private static final String TERMINALS = ".!?…。！？｡۔।॥؟";
    /** Closing quotes and brackets, and markdown emphasis, that may follow a sentence's end. */
    static final String CLOSERS = "\"'”’»)]」』）›*_";

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
        return SectionBoilerplate.find(section, isTakeaway);
    }

    /** Names of every boilerplate pattern, in report order. */
    public static List<String> boilerplateNames() {
        return SectionBoilerplate.names();
    }

    /** The sections that show a sentence cut at an abbreviation or initial ({@link AbbreviationSplits}). */
    public static List<String> abbreviationSplits(Card card, Article article) {
        return AbbreviationSplits.find(card, article);
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

}
