package io.github.tldrbot.llm;

import io.github.tldrbot.card.SentenceSplitter;
import io.github.tldrbot.card.TextShortener;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code [n]} citations of model-written text against the numbered sources (SPEC §5.1:
 * "a citation to a source that does not exist invalidates the claim") and shortens cited text
 * without losing its citation.
 *
 * <p>A citation is {@code [n]}, {@code [n, m]} or {@code [n-m]}. The rules:
 * <ul>
 *   <li>any text that cites a number outside {@code 1..sources} is dropped as a whole: a model that
 *       cites a source it was not given has made the claim up, and the rest of a paragraph built on
 *       it is not trusted either;</li>
 *   <li>a grounded paragraph ({@code deepInsight}, {@code technicalDeepDive},
 *       {@code futureImplications}) must cite at least one source, else it is dropped. A citation
 *       covers the sentences before it back to the previous citation (the usual way a paragraph
 *       cites once at its end), so the sentences after the last citation are unsupported and
 *       removed. The exact line {@value #TOO_LITTLE} is valid on its own: the sources holding too
 *       little is an honest answer, an invented paragraph is not;</li>
 *   <li>shortening keeps the trailing citation: the text is cut at a word boundary with {@code …}
 *       and its {@code [n]} put back after it.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class Citations {

    /** The one line a grounded section may hold when the sources say too little (English by design: it is recognised). */
    static final String TOO_LITTLE = "Too little detail in the sources.";

    private static final Pattern MARK = Pattern.compile("\\[(\\s*\\d{1,3}\\s*(?:[,;–-]\\s*\\d{1,3}\\s*)*)\\]");
    private static final Pattern LEADING_MARKS = Pattern.compile("^((?:\\[[\\d\\s,;–-]{1,40}\\]\\s*)+)");
    private static final Pattern TRAILING_MARKS = Pattern.compile("((?:\\s*\\[[\\d\\s,;–-]{1,40}\\])+)\\s*[.!?。]?$");
    private static final Pattern TOO_LITTLE_LINE = Pattern.compile(
            "(?i)too little (?:detail|information) in the sources?(?:\\s*\\[[^\\]]*\\])*\\s*[.!]?");
    private static final int MAX_RANGE = 100;

    /** Why a text was dropped: a stable kind for the log and a one-line reason. */
    record Problem(String kind, String why) {
    }

    /** A text kept (possibly trimmed) or dropped; exactly one of the two is non-null, or both null for no text. */
    record Verdict(String text, Problem problem) {
        static Verdict kept(String text) {
            return new Verdict(text, null);
        }

        static Verdict dropped(String kind, String why) {
            return new Verdict(null, new Problem(kind, why));
        }
    }

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final TextShortener shortener = new TextShortener();

    /** The source numbers {@code text} cites, in order of appearance (repeats kept). */
    List<Integer> cited(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            for (String part : m.group(1).split("[,;]")) {
                String[] ends = part.strip().split("\\s*[–-]\\s*");
                int from = Integer.parseInt(ends[0].strip());
                int to = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : from;
                if (to < from || to - from > MAX_RANGE) {
                    out.add(Math.max(from, to));
                    continue;
                }
                for (int k = from; k <= to; k++) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** The first cited number that is not one of the {@code sources} sources. */
    OptionalInt missingSource(String text, int sources) {
        return cited(text).stream().mapToInt(Integer::intValue).filter(k -> k < 1 || k > sources).findFirst();
    }

    boolean isTooLittleDetail(String text) {
        return text != null && TOO_LITTLE_LINE.matcher(text.strip()).matches();
    }

    /**
     * A short field or one takeaway: dropped when it cites a source that does not exist, else kept
     * (no citation needed) and shortened to {@code max}.
     */
    Verdict field(String text, int sources, int max) {
        if (text == null) {
            return Verdict.kept(null);
        }
        OptionalInt missing = missingSource(text, sources);
        if (missing.isPresent()) {
            return Verdict.dropped("cites-missing-source", missingWhy(missing.getAsInt(), sources));
        }
        return Verdict.kept(shorten(text, max));
    }

    /** A grounded paragraph (see the class comment), at most {@code max} chars. */
    Verdict paragraph(String text, int sources, int max) {
        if (text == null) {
            return Verdict.kept(null);
        }
        if (isTooLittleDetail(text)) {
            return Verdict.kept(TOO_LITTLE);
        }
        OptionalInt missing = missingSource(text, sources);
        if (missing.isPresent()) {
            return Verdict.dropped("cites-missing-source", missingWhy(missing.getAsInt(), sources));
        }
        List<String> sentences = sentences(text);
        int lastCited = -1;
        int firstCited = -1;
        for (int i = 0; i < sentences.size(); i++) {
            if (!cited(sentences.get(i)).isEmpty()) {
                lastCited = i;
                firstCited = firstCited < 0 ? i : firstCited;
            }
        }
        if (lastCited < 0) {
            return Verdict.dropped("cites-nothing", "cites no source; a grounded section needs [n] on its claims");
        }
        // whole sentences up to the cap, then back to the last one that carries a citation
        int kept = 0;
        int length = 0;
        while (kept <= lastCited) {
            int add = sentences.get(kept).length() + (kept == 0 ? 0 : 1);
            if (length + add > max) {
                break;
            }
            length += add;
            kept++;
        }
        while (kept > 0 && cited(sentences.get(kept - 1)).isEmpty()) {
            kept--;
        }
        if (kept == 0) {
            return Verdict.kept(shorten(String.join(" ", sentences.subList(0, firstCited + 1)), max));
        }
        return Verdict.kept(String.join(" ", sentences.subList(0, kept)));
    }

    /**
     * {@code text} at most {@code max} chars: cut at a word boundary with {@code …}, its trailing
     * citation (if any) kept after the cut, as in "… the sync engine… [1]".
     */
    String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        Matcher tail = TRAILING_MARKS.matcher(text);
        if (tail.find() && tail.start() > 0) {
            String marks = tail.group(1).strip();
            int room = max - marks.length() - 1;
            if (room >= max / 2) {
                return shortener.shorten(text.substring(0, tail.start()), room) + " " + marks;
            }
        }
        return shortener.shorten(text, max);
    }

    /** Sentences of {@code text}, a citation written after a sentence's full stop given back to that sentence. */
    private List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : splitter.split(text)) {
            Matcher lead = LEADING_MARKS.matcher(s);
            if (!out.isEmpty() && lead.find()) {
                int last = out.size() - 1;
                out.set(last, out.get(last) + " " + lead.group(1).strip());
                s = s.substring(lead.end()).strip();
                if (s.isEmpty()) {
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static String missingWhy(int n, int sources) {
        return "cites [" + n + "], but the card has " + (sources == 1 ? "only source [1]" : "sources [1] to [" + sources + "]");
    }
}
