package io.github.tldrbot.card;

import io.github.tldrbot.text.WordTokenizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scores how much a sentence reads like an event, a consequence or an action — the cues behind the
 * card's whatChanged, whyItMatters and whatToDoNext fields (SPEC §5.1).
 *
 * <p>Cue phrases are matched as whole words (through {@link PhraseMatcher}); each distinct cue counts
 * once. Event cues also count ASCII digits, versions ({@code 2.3.1}, {@code v4}) and month names, because a
 * concrete change usually carries a number or a date. Cue lists are kept short and English: for other
 * languages the fields simply stay empty rather than filled with a poor guess. Immutable, thread-safe.
 */
final class CueScorer {

    /** Change verbs in the forms news uses (plural fold is applied, so "launches" matches "launche"). */
    private static final String EVENT = "launch:2, launched:2, launches:2, release:1.5, released:2, releases:1.5,"
            + " announce:1.5, announced:2, announces:2, introduce:1.5, introduced:2, introduces:2, unveil:2, unveiled:2,"
            + " unveils:2, ship:1.5, shipped:2, ships:1.5, added:1.5, adds:1.5, fixed:2, fixes:2, patched:2, acquire:1.5,"
            + " acquired:2, acquires:2, raised:2, raises:1.5, passed:2, approved:2, approves:2, adopted:2, published:1.5,"
            + " open sourced:2, deprecated:2, deprecates:2, removed:1.5, removes:1.5, banned:2, bans:2, fined:2,"
            + " sued:2, filed:1.5, expanded:1.5, expands:1.5, rolled out:2, rolls out:2, rolling out:2, debuted:2,"
            + " debuts:2, updated:1.5, upgraded:1.5, disclosed:2, discovered:1.5, reported:1, agreed:1.5, signed:1.5,"
            + " cut:1, now support:2, new version:2, today:1, this week:1, takes effect:2, come into force:2,"
            + " enters into force:2, affects version:2, version:1, doubled:1.5, tripled:1.5, grew:1.5, rose:1.5,"
            + " fell:1.5, dropped:1.5, increased:1.5, decreased:1.5, jumped:1.5, surged:1.5, plunged:1.5, hired:1.5,"
            + " laid off:2, partnered:1.5, merged:1.5, launched a:1, confirmed:1.5, ruled:2, rejected:1.5, voted:1.5,"
            + " found:1, finds:1, discovers:1.5, reveals:1.5, revealed:1.5, unveiling:1.5, won:1.5, wins:1.5, lost:1,"
            + " closed:1, closes:1, killed:1.5, arrested:2, charged:2, elected:2, resigned:2, appointed:2, named:1,"
            // German, French, Spanish, Portuguese, Russian: the commonest news verbs of each
            + " veröffentlicht:2, angekündigt:2, kündigt:1.5, vorgestellt:2, stellt:1, startet:1.5, gestartet:2,"
            + " übernimmt:2, übernommen:2, beschlossen:2, eingeführt:2, erhöht:1.5, gesenkt:1.5,"
            + " annonce:1.5, annoncé:2, lance:1.5, lancé:2, dévoile:2, dévoilé:2, publié:1.5, présenté:2, adopté:2,"
            + " rachète:2, racheté:2, anunció:2, anuncia:1.5, lanza:1.5, lanzó:2, presentó:2, publicó:2, aprobó:2,"
            + " adquirió:2, anunciou:2, lança:1.5, lançou:2, apresentou:2, publicou:2, aprovou:2, comprou:2,"
            + " объявил:2, объявила:2, объявили:2, представил:2, представила:2, выпустил:2, выпустила:2,"
            + " запустил:2, запустила:2, опубликовал:2, опубликовала:2, принял:1.5, приняла:1.5, купил:2, купила:2";

    private static final String CONSEQUENCE = "mean:2, which mean:2, so that:2, allow:1.5, allowing:1.5, enable:1.5,"
            + " enabling:1.5, let:1.5, will:1, because:1.5, impact:1.5, for user:2, for developer:2, for customer:2,"
            + " for businesses:2, for companies:2, could:1, important:1.5, significant:1.5, matter:2, risk:1.5,"
            + " as a result:2, in order to:1, making it:1.5, make it:1.5, reduce:1.5, reduces:1.5, improve:1.5,"
            + " improves:1.5, faster:1, cheaper:1.5, help:1, helps:1, benefit:1.5, affect:1.5, affected:1.5,"
            + " critical:1.5, first time:1.5, no longer:1.5, required:1, must:1, need to:1, able to:1.5, can now:2,"
            + " goal:1, aim:1, would:0.5, precedent:1.5, so:0.5, therefore:1.5, thus:1.5, which will:1.5,"
            + " bedeutet:2, ermöglicht:1.5, damit:1, weil:1.5, deshalb:1.5, sollen:1, können:1, künftig:1.5,"
            + " permet:1.5, permettra:1.5, signifie:2, parce que:1.5, afin de:1, désormais:1.5, pourra:1,"
            + " permite:1.5, permitirá:1.5, significa:2, porque:1.5, podrá:1, podrán:1, poderá:1, poderão:1,"
            + " позволит:1.5, позволяет:1.5, означает:2, потому что:1.5, чтобы:1, сможет:1, смогут:1";

    private static final String ACTION = "available:1.5, now available:2.5, is available:2, download:2.5, update to:3,"
            + " upgrade:2, upgrade to:3, patch:1.5, apply:1.5, register:2, registration:2, sign up:2.5, try:1.5,"
            + " try it:2.5, read:1, read the:1.5, install:2.5, join:2, watch for:2.5, get started:2.5, learn more:1.5,"
            + " visit:1.5, check out:1.5, should update:3, recommended:1.5, recommend:1.5, urged:2, urge:2, update:1.5,"
            + " waitlist:2, doc:1, documentation:1.5, release note:2, apply for:2, submit:2, deadline:1.5, comment:0.5,"
            + " comment period:2, pip install:3, npm install:3, subscribe:1.5, rsvp:2, enable:1, disable:1.5,"
            + " rotate:2, mitigate:1.5, workaround:2, contact:1, should review:2";

    private static final Pattern VERSION = Pattern.compile("\\bv?\\d+\\.\\d+(?:\\.\\d+)*\\b");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final Pattern MONTH = Pattern.compile("\\b(?:" + String.join("|", MONTHS) + ")\\b");

    private final Weighted event;
    private final Weighted consequence;
    private final Weighted action;

    CueScorer(WordTokenizer tokenizer) {
        this.event = new Weighted(EVENT, tokenizer);
        this.consequence = new Weighted(CONSEQUENCE, tokenizer);
        this.action = new Weighted(ACTION, tokenizer);
    }

    double event(RankedSentence s) {
        double score = event.score(s.tokens());
        String text = s.text();
        // the regexes are exact but slow over every sentence: cheap necessary conditions run first
        boolean digit = hasAsciiDigit(text);
        if (digit && hasDigitDotDigit(text) && VERSION.matcher(text).find()) {
            score += 1.5;
        } else if (digit) {
            score += 1;
        }
        if (mayNameMonth(text) && MONTH.matcher(text).find()) {
            score += 0.5;
        }
        return score;
    }

    /** An ASCII digit: what {@code \\d} means without the Unicode flag. */
    private static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Necessary for a {@link #VERSION} match: a digit, a dot, a digit. */
    private static boolean hasDigitDotDigit(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '.' && isAsciiDigit(text.charAt(i - 1)) && isAsciiDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Necessary for a {@link #MONTH} match: one of the names occurs somewhere (boundaries not checked). */
    private static boolean mayNameMonth(String text) {
        for (String month : MONTHS) {
            if (text.contains(month)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The event cue plus half a point when the sentence carries at least two kinds of fact (a number
     * and a name, a date and a name…): "Acme's shares closed at $41 on Friday" states an event
     * without a change verb.
     */
    double concreteEvent(RankedSentence s) {
        return event(s) + (facts(s) >= 2 ? 0.5 : 0);
    }

    /**
     * How many kinds of fact a sentence carries, 0–3: a number, a date (month name), a name (a
     * capitalised word after the first). Takeaways prefer sentences that add facts.
     */
    int facts(RankedSentence s) {
        String text = s.text();
        int facts = hasAsciiDigit(text) ? 1 : 0;
        if (mayNameMonth(text) && MONTH.matcher(text).find()) {
            facts++;
        }
        if (hasInnerCapital(text)) {
            facts++;
        }
        return facts;
    }

    /** A word after the first that starts with an upper-case letter: a proper name, in most scripts. */
    private static boolean hasInnerCapital(String text) {
        int i = 0;
        int n = text.length();
        boolean firstWord = true;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < n && !Character.isLetterOrDigit(text.charAt(i)) && !Character.isWhitespace(text.charAt(i))) {
                i++; // opening quotes or brackets before the word
            }
            if (i < n && !firstWord && Character.isUpperCase(text.charAt(i))) {
                return true;
            }
            firstWord = false;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return false;
    }

    double consequence(RankedSentence s) {
        return consequence.score(s.tokens());
    }

    double action(RankedSentence s) {
        return action.score(s.tokens());
    }

    /** A cue list with weights, parsed from {@code "phrase:weight, …"}. */
    private static final class Weighted {
        private final PhraseMatcher matcher;
        private final double[] weights;

        Weighted(String spec, WordTokenizer tokenizer) {
            var parsed = DefaultAudiences.parseKeywords(spec);
            this.matcher = new PhraseMatcher(List.copyOf(parsed.keySet()), tokenizer);
            this.weights = parsed.values().stream().mapToDouble(Double::doubleValue).toArray();
        }

        double score(List<String> tokens) {
            int[] counts = matcher.count(tokens);
            double score = 0;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    score += weights[k];
                }
            }
            return score;
        }
    }
}
