package io.github.tldrbot.card;

import java.util.regex.Pattern;

/**
 * Tells what kind of sentence a card field is looking at, so that a field holds a statement and
 * never a heading, a question, a "this post is about" line, a bare quote or an advert (SPEC §5.1:
 * "omit rather than fill").
 *
 * <p>The tests are typographic and phrase-based, not topical: they hold for any feed. English
 * phrases cover the meta and advert lines (the commonest in feeds); other languages fall through to
 * the typographic tests. Stateless and thread-safe.
 */
final class SentenceKinds {

    /** "In this post we…", "This week on the show…", "We discuss…": about the text, not the news. */
    /** Opens with a conjunction that ties it to the sentence before ("And after that, …", "But this week …"). */
    private static final Pattern CONTINUATION = Pattern.compile("(?i)^[\\p{Punct}\\s]*(?:and|but|or)\\b");
    private static final Pattern ASIDE = Pattern.compile("^\\s*[(\\[][^()\\[\\]]*[)\\]][.!]?\\s*$");
    private static final Pattern META = Pattern.compile(
            "(?i)^(?:[\\p{Punct}\\s]*)(?:in (?:this|today's|our|the latest|the next) (?:post|article|blog|piece|episode|video"
                    + "|issue|edition|newsletter|podcast|show|week's|installment|series|tutorial|guide|talk)"
                    + "|(?:this|today's|in this) (?:post|article|episode|video|issue|edition|newsletter|week on|week's episode)"
                    + "|on (?:this|today's) (?:episode|show|podcast)|welcome (?:to|back)|join us\\b|here(?:'s| is| are)"
                    + " (?:what|how|why|a look|the|our|my|some|everything|all)|let's (?:take a look|look|dive|talk)"
                    + "|today,? (?:we|i)(?:'re| are| will|'ll)? (?:going to )?(?:talk|discuss|look|share|cover|explore|dive)"
                    + "|(?:we|i) (?:discuss|talk about|chat about|look at|dive into|cover|explore|break down|answer)\\b"
                    + "|(?:listen|watch) (?:now|to|on|here|the)\\b|download (?:the )?(?:episode|mp3)|subscribe\\b"
                    // the writer inviting mail, not news: "If you have any questions, …", "Feel free to contact us"
                    + "|if you have any (?:questions|feedback|comments)\\b|feel free to\\b"
                    + "|(?:please )?do(?:n't| not) hesitate to (?:contact|reach|get in touch|ask)"
                    // the writer's own channels: "Check out our Google+ page for updates", "Follow us on X"
                    + "|(?:check out|follow|visit|like) (?:us|our (?:[\\p{L}+]+ ){0,2}(?:page|account|channel|profile))\\b"
                    + "[^.!?]*\\bfor (?:[\\p{L}+-]+ ){0,3}(?:updates|news|announcements)\\b"
                    + "|follow us (?:on|at)\\b)");
    /** A whole sentence that only greets the reader: "Hello, dear paid subscriber fam!", "Hi everyone,". */
    private static final Pattern GREETING = Pattern.compile(
            "(?i)^[\\p{Punct}\\s]*(?:hello|hi|hey|greetings|good (?:morning|afternoon|evening)|dear)\\b[,\\s]*"
                    + "[\\p{L}'’ ]{0,40}[!.,]?\\s*$");
    /** A meta phrase anywhere: "… as we discuss …", "… in this episode …". */
    private static final Pattern META_INSIDE = Pattern.compile(
            "(?i)\\b(?:as|where|while|when) (?:we|i) (?:discuss|talk|chat|look|dive|cover|explore)\\b"
                    + "|\\bin this (?:episode|podcast|video|post|article|week's episode|installment)\\b");
    /** Sponsor reads and promo codes, common in podcast and newsletter feeds. */
    private static final Pattern ADVERT = Pattern.compile(
            "(?i)\\b(?:promo code|coupon code|(?:use|with|enter) (?:the )?code \\S+|sponsored by|brought to you by"
                    + "|thanks to (?:our )?(?:sponsors?|\\S+ for sponsoring)|\\d+% off\\b|\\$\\d+ off\\b|free trial|\\d+-day trial)");
    /** "Sponsored by:", "Thanks to our sponsors:": what follows, to the end of the text, is adverts. */
    private static final Pattern SPONSOR_BLOCK = Pattern.compile(
            "(?i)^[\\p{Punct}\\s]*(?:(?:this (?:episode|show|newsletter|issue) (?:is|was) )?(?:sponsored|brought to you|supported) by"
                    + "|(?:our |today's |this week's )?sponsors?|thanks to (?:our|this week's|today's) sponsors?)\\s*[:：]\\s*$");
    private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("\\s*\\([^()]*\\)[.。]?$");
    private static final String OPENING_QUOTES = "\"“„«‘'‹「『";

    private SentenceKinds() {
    }

    /** "They can't do three things:" introduces a list the card does not show; alone it says nothing. */
    static boolean isLeadIn(String text) {
        String t = text.stripTrailing();
        return !t.isEmpty() && (t.charAt(t.length() - 1) == ':' || t.charAt(t.length() - 1) == '：');
    }

    static boolean isQuestion(String text) {
        // "Is it worth it? (via Jane)." asks too: a parenthetical credit after the mark does not count
        String t = stripClosers(TRAILING_PARENTHETICAL.matcher(text.stripTrailing()).replaceFirst(""));
        return !t.isEmpty() && (t.charAt(t.length() - 1) == '?' || t.charAt(t.length() - 1) == '？');
    }

    static boolean isMeta(String text) {
        return META.matcher(text).lookingAt() || META_INSIDE.matcher(text).find();
    }

    static boolean isAdvert(String text) {
        return ADVERT.matcher(text).find();
    }

    /** Starts with a quotation mark: a quote, whose content is someone's voice rather than the event. */
    static boolean isQuote(String text) {
        String t = text.stripLeading();
        return !t.isEmpty() && OPENING_QUOTES.indexOf(t.charAt(0)) >= 0;
    }

    /**
     * Part of a quotation that the sentence does not hold whole: an opening mark without its closing
     * one or the reverse ("…Super Mario Odyssey.”" is the end of a quote that began sentences ago).
     */
    static boolean hasUnbalancedQuote(String text) {
        int low9 = count(text, '„');
        int high6 = count(text, '“');
        int high9 = count(text, '”');
        // German opens with „ and closes with “ (or ”); English opens with “ and closes with ”
        boolean curly = low9 > 0 ? low9 != high6 + high9 : high6 != high9;
        return curly || count(text, '«') != count(text, '»') || count(text, '"') % 2 == 1;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** A run of labels joined by dashes, bullets or bars ("A — B — C — D"): a list, not a statement. */
    static boolean isList(String text) {
        int separators = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '—' || c == '–' || c == '·' || c == '|' || c == '•') && text.charAt(i - 1) == ' '
                    && text.charAt(i + 1) == ' ') {
                separators++;
            }
        }
        return separators >= 3;
    }

    /** Ends as a sentence does: terminal punctuation, optionally followed by closing quotes/brackets. */
    static boolean endsComplete(String text) {
        String t = stripClosers(text.stripTrailing());
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return ".!?…。！？".indexOf(last) >= 0;
    }

    /**
     * A heading, list label or fragment rather than a statement: no sentence ending and short, or
     * so few words that it cannot state a fact.
     */
    static boolean isFragment(String text, int words) {
        return words < 4 || !endsComplete(text) && words < 8;
    }

    /** Starts with a lower-case letter: the tail of a sentence split too early, or a list item's continuation. */
    static boolean startsLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return false;
    }

    /** A heading that opens a block of sponsor reads. */
    static boolean opensSponsorBlock(String text) {
        return SPONSOR_BLOCK.matcher(text).matches();
    }

    /** Not fit for any card field: a lead-in, a meta line, an advert or a bracketed aside. */
    static boolean isFurniture(String text) {
        return isLeadIn(text) || isMeta(text) || isAdvert(text) || isAside(text) || GREETING.matcher(text).matches();
    }

    /**
     * Carries on the sentence before it: out of its place ("And after that, you must …" as a card's
     * next step, "But this week, the automakers asked a judge to stop her." as a takeaway) it reads as
     * a fragment. English conjunctions only.
     */
    static boolean continuesPrevious(String text) {
        return CONTINUATION.matcher(text).lookingAt();
    }

    /**
     * A sentence wholly inside one pair of brackets — a photo caption or credit ("(Imagem meramente
     * ilustrativa/Imprensa TJRS)."), an editor's aside: out of its place in the text it says nothing.
     */
    static boolean isAside(String text) {
        return ASIDE.matcher(text).matches();
    }

    private static String stripClosers(String t) {
        int end = t.length();
        while (end > 0 && "\"”’'»›)]」』".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }
}
