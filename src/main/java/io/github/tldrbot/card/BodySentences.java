package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.text.Whitespace;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * An article's text made ready for {@link ExtractiveSummarizer} to rank: the title on one line, and
 * the body's sentences — markup a feed let through stripped, furniture stripped ({@link TextCleaner}),
 * split in the article's language, every sentence ending properly ({@link SentenceEndings}: a cut —
 * the feed's own or our {@value #MAX_CHARS}-char cap — ends in "…"), then sponsor blocks, boilerplate,
 * repeats and the title dropped. Thread-safe.
 */
final class BodySentences {

    /** Plain-text chars read from the body; long articles put their point first. */
    static final int MAX_CHARS = 40_000;
    static final int MAX_SENTENCES = 80;
    /** Only a true repeat is dropped, so sentences are compared by their words as written, never folded. */
    private static final WordTokenizer KEY_WORDS = WordTokenizer.asWritten(WordTokenizer.Normalisation.NONE);
    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<[a-zA-Z/!]|&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final TextCleaner cleaner = new TextCleaner();
    private final FeedCut feedCut = new FeedCut();
    private final SentenceEndings endings = new SentenceEndings();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();

    /** The title as plain text on one line (empty when it has none): a title is one line whatever the feed sent. */
    String title(Article article) {
        return Whitespace.collapse(clean(article.title()));
    }

    /** The body a card is made from: the content, else the summary; null when both are blank. */
    String body(Article article) {
        return firstNonBlank(article.contentText(), article.summary());
    }

    /** The sentences of {@code body} (see the class comment), in article order. */
    List<String> sentences(Article article, String body, String title) {
        String text = clean(head(body));
        FeedCut.Text cleaned;
        if (text.length() > MAX_CHARS) {
            String capped = text.substring(0, capAt(text));
            cleaned = new FeedCut.Text(cleaner.clean(capped), true);
        } else {
            cleaned = feedCut.detect(cleaner.clean(text), body.strip().length());
        }
        List<String> split = splitter.split(cleaned.text(), MAX_SENTENCES + 1, article.lang());
        boolean cutAtEnd = cleaned.cut();
        if (split.size() > MAX_SENTENCES) {
            split = split.subList(0, MAX_SENTENCES); // the last one kept ended where the next began
            cutAtEnd = false;
        }
        LinkLines linkLines = article.links().isEmpty() ? LinkLines.NONE : new LinkLines(article.links());
        List<String> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < split.size(); i++) {
            if (SentenceKinds.opensSponsorBlock(split.get(i))) {
                split = split.subList(0, i); // sponsor reads to the end of the text
                cutAtEnd = false;
                break;
            }
        }
        for (String s : endings.settle(split, cutAtEnd, linkLines::isOnlyLinks)) {
            String k = key(s);
            if (!k.isEmpty() && !boilerplate.isBoilerplate(s) && seen.add(k)) {
                out.add(s);
                keys.add(k);
            }
        }
        if (out.size() > 1) {
            String titleKey = key(title);
            List<String> kept = new ArrayList<>(out.size());
            for (int i = 0; i < out.size(); i++) {
                if (!keys.get(i).equals(titleKey)) {
                    kept.add(out.get(i));
                }
            }
            return kept;
        }
        return out;
    }

    /**
     * Where to cap a long text: at the last space before {@value #MAX_CHARS} (the sentence cut there is
     * marked as cut anyway), else before it without splitting a surrogate pair. Cheap: no grapheme scan
     * of 40 000 chars.
     */
    private static int capAt(String text) {
        for (int k = MAX_CHARS; k > MAX_CHARS - 200; k--) {
            if (Character.isWhitespace(text.charAt(k))) {
                return k;
            }
        }
        return Character.isLowSurrogate(text.charAt(MAX_CHARS)) ? MAX_CHARS - 1 : MAX_CHARS;
    }

    /** The part of a raw body worth cleaning: markup may take room, so more than {@link #MAX_CHARS}. */
    private static String head(String body) {
        int max = 4 * MAX_CHARS;
        return body.length() <= max ? body : body.substring(0, TextShortener.characterBoundaryAtOrBefore(body, max));
    }

    /** Plain text: markup a feed let through is stripped, entities decoded, white space collapsed. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        // text from the feed parser is plain already: without '<' or '&' the markup test cannot match
        boolean mayHaveMarkup = s.indexOf('<') >= 0 || s.indexOf('&') >= 0;
        String text = mayHaveMarkup && LOOKS_LIKE_MARKUP.matcher(s).find() ? Jsoup.parseBodyFragment(s).text() : s;
        return text.replace('\u00A0', ' ').strip();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Comparison key: the words in lower case with nothing between them, so spacing and punctuation do not count. */
    private static String key(String s) {
        return String.join("", KEY_WORDS.tokenize(s));
    }
}
