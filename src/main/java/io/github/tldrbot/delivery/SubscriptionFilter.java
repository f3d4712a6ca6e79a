package io.github.tldrbot.delivery;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.store.SkipReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A subscription's filters (SPEC §6.1), compiled: which cards go to the channel.
 *
 * <ul>
 *   <li>{@code audience}: the card must name this audience id (case-insensitive).</li>
 *   <li>{@code include}: at least one term must match; {@code exclude}: none may match. A value is
 *       a comma-separated list of keywords and {@code /regex/} terms; a value that as a whole is
 *       {@code /…/} is one regex, so a regex may contain commas when it stands alone.</li>
 *   <li>Terms are matched case-insensitively against the title, summary and categories. A keyword
 *       matches as a whole word: not preceded or followed by a letter, digit or underscore, so
 *       {@code ai} does not match "said" but {@code c++} matches "C++ 26".</li>
 *   <li>Regexes run on re2j, whose matching time is linear in the input: a user's pattern such as
 *       {@code /(a+)+$/} cannot hang the bot.</li>
 * </ul>
 *
 * <p>Thread-safe and immutable.
 */
public final class SubscriptionFilter {
    /** Anything but a letter, digit or underscore: what may stand next to a keyword. */
    private static final String NOT_WORD = "[^\\p{L}\\p{N}_]";

    private final String audience;
    private final List<Term> include;
    private final List<Term> exclude;
    /** The include filter as written, quoted when no include term matched. */
    private final String includeWritten;

    /** One keyword or regex, kept with its spelling so a rejection can name the term that decided. */
    private record Term(String written, Pattern pattern) {
        boolean matches(String text) {
            return pattern.matcher(text).find();
        }
    }

    /**
     * Why a card does not go to the subscription's channel (SPEC §6.5, {@code /feed why}).
     *
     * @param reason {@link SkipReason#AUDIENCE}, {@link SkipReason#INCLUDE} or {@link SkipReason#EXCLUDE}
     * @param detail the audience the card lacks, the include filter none of whose terms matched, or
     *               the exclude term that matched
     */
    public record Rejection(SkipReason reason, String detail) {
    }

    private SubscriptionFilter(String audience, List<Term> include, List<Term> exclude, String includeWritten) {
        this.audience = audience;
        this.include = include;
        this.exclude = exclude;
        this.includeWritten = includeWritten;
    }

    /** A filter that accepts every card. */
    public static SubscriptionFilter acceptAll() {
        return new SubscriptionFilter(null, List.of(), List.of(), null);
    }

    /**
     * Compiles the filters as a user wrote them; blank or null values mean "no filter".
     *
     * @throws IllegalArgumentException with a one-line message naming the field, e.g.
     *         {@code include: '/[a-/' is not a valid regular expression: missing closing ]}
     */
    public static SubscriptionFilter parse(String audience, String include, String exclude) {
        String audienceId = audience == null || audience.isBlank() ? null : audience.strip().toLowerCase(Locale.ROOT);
        return new SubscriptionFilter(audienceId, terms("include", include), terms("exclude", exclude),
                include == null ? null : include.strip());
    }

    /** True when the card of {@code article} should go to the subscription's channel. */
    public boolean accepts(Article article, Card card) {
        return rejection(article, card).isEmpty();
    }

    /** Empty when the card should go to the subscription's channel, else which filter kept it out. */
    public Optional<Rejection> rejection(Article article, Card card) {
        if (audience != null && card.whoShouldCare().stream().map(AudienceRef::id)
                .noneMatch(id -> id != null && id.toLowerCase(Locale.ROOT).equals(audience))) {
            return Optional.of(new Rejection(SkipReason.AUDIENCE, audience));
        }
        if (include.isEmpty() && exclude.isEmpty()) {
            return Optional.empty();
        }
        String text = searchableText(article);
        if (!include.isEmpty() && include.stream().noneMatch(t -> t.matches(text))) {
            return Optional.of(new Rejection(SkipReason.INCLUDE, includeWritten));
        }
        return exclude.stream().filter(t -> t.matches(text)).findFirst()
                .map(t -> new Rejection(SkipReason.EXCLUDE, t.written()));
    }

    private static String searchableText(Article article) {
        StringBuilder text = new StringBuilder();
        append(text, article.title());
        append(text, article.summary());
        article.categories().forEach(category -> append(text, category));
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isEmpty()) {
            text.append(part).append('\n');
        }
    }

    private static List<Term> terms(String field, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String trimmed = value.strip();
        if (isRegex(trimmed)) {
            return List.of(new Term(trimmed, regex(field, trimmed)));
        }
        List<Term> terms = new ArrayList<>();
        for (String item : trimmed.split(",")) {
            String term = item.strip();
            if (term.isEmpty()) {
                continue;
            }
            if (isRegex(term)) {
                terms.add(new Term(term, regex(field, term)));
            } else if (term.startsWith("/")) {
                throw new IllegalArgumentException(field + ": '" + term + "' starts with '/' but does not end with one;"
                        + " write a regex as /pattern/ (a regex with commas must be the whole value) or plain keywords");
            } else {
                terms.add(new Term(term, Pattern.compile("(?:^|" + NOT_WORD + ")" + Pattern.quote(term) + "(?:$|" + NOT_WORD + ")",
                        Pattern.CASE_INSENSITIVE)));
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(field + ": '" + trimmed + "' has no keywords; separate keywords with commas");
        }
        return List.copyOf(terms);
    }

    private static boolean isRegex(String term) {
        return term.length() >= 2 && term.startsWith("/") && term.endsWith("/");
    }

    private static Pattern regex(String field, String written) {
        String body = written.substring(1, written.length() - 1);
        if (body.isEmpty()) {
            throw new IllegalArgumentException(field + ": '//' is an empty regular expression; write /pattern/");
        }
        try {
            return Pattern.compile(body, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + ": '" + written + "' is not a valid regular expression: "
                    + e.getDescription() + "; fix it or use plain keywords", e);
        }
    }

    @Override
    public String toString() {
        return "SubscriptionFilter[audience=" + audience + ", include=" + include.size() + ", exclude=" + exclude.size() + "]";
    }
}
