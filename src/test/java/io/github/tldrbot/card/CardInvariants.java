package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.text.Whitespace;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks the SPEC §5.1 rules every card must keep, whatever the input. */
final class CardInvariants {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern FILLER = Pattern.compile("(?i)^(n/a|none|null|tbd|-|unknown)$");

    private CardInvariants() {
    }

    /**
     * @param source the article's plain text the card was built from (title + body), or null to skip the
     *               word-boundary check (e.g. when the body was HTML)
     */
    static void check(Card card, String source) {
        assertThat(card.summarizer()).isEqualTo("extractive");
        within(card.tldr(), 300);
        within(card.whatChanged(), 300);
        within(card.whyItMatters(), 300);
        within(card.whatToDoNext(), 300);
        assertThat(card.keyTakeaways()).hasSizeLessThanOrEqualTo(3);
        card.keyTakeaways().forEach(t -> within(t, 160));
        assertThat(card.whoShouldCare()).hasSizeLessThanOrEqualTo(3);
        List<String> fields = fields(card);
        assertThat(fields).doesNotHaveDuplicates();
        String collapsed = source == null ? null : Whitespace.collapse(source);
        for (String f : fields) {
            assertThat(f).isNotBlank().doesNotContain("\n").doesNotContainPattern(TAG).doesNotContainPattern(ENTITY);
            assertThat(FILLER.matcher(f).matches()).as("filler: %s", f).isFalse();
            TextShortenerTest.assertNoLoneSurrogate(f);
            if (collapsed != null) {
                checkCutsAtWordBoundaries(f, collapsed);
            }
        }
    }

    static List<String> fields(Card card) {
        List<String> out = new ArrayList<>();
        for (String f : new String[] {card.tldr(), card.whatChanged(), card.whyItMatters(), card.whatToDoNext()}) {
            if (f != null) {
                out.add(f);
            }
        }
        out.addAll(card.keyTakeaways());
        return out;
    }

    private static void within(String field, int max) {
        if (field != null) {
            assertThat(field.length()).as("length of %s", field).isLessThanOrEqualTo(max);
        }
    }

    /** Every "…" the summarizer added must follow text that ends at a word boundary in the source. */
    private static void checkCutsAtWordBoundaries(String field, String source) {
        int from = 0;
        int at;
        while ((at = field.indexOf('…', from)) >= 0) {
            String head = lastSegment(field.substring(0, at));
            from = at + 1;
            if (head.isEmpty() || source.contains(head + "…")) {
                continue; // an ellipsis the article wrote itself
            }
            int idx = source.indexOf(head);
            assertThat(idx).as("shortened text is not from the source: %s", head).isGreaterThanOrEqualTo(0);
            boolean clean = false;
            while (idx >= 0 && !clean) {
                int end = idx + head.length();
                clean = end == source.length() || !Character.isLetterOrDigit(source.codePointAt(end))
                        || WordTokenizer.isIdeograph(source.codePointAt(end));
                idx = source.indexOf(head, idx + 1);
            }
            assertThat(clean).as("word cut in half: %s…", head).isTrue();
        }
    }

    /** The shortened sentence alone: a tldr joins two sentences that need not be adjacent in the source. */
    private static String lastSegment(String s) {
        int cut = -1;
        for (String end : new String[] {". ", "? ", "! ", "。", "！", "？"}) {
            int k = s.lastIndexOf(end);
            if (k >= 0) {
                cut = Math.max(cut, k + end.length());
            }
        }
        return cut < 0 ? s : s.substring(cut);
    }
}
