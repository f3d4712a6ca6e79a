package io.github.tldrbot.card;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises feed boilerplate sentences that say nothing about the news: WordPress's "The post X
 * appeared first on Y.", "Continue reading…", "Read more…", "Click here…", comment counters. They are
 * dropped before ranking so they never become a TL;DR. A sentence that merely contains "read more"
 * inside real content is kept: only short sentences that start with such a phrase are dropped.
 * Stateless and thread-safe.
 */
final class BoilerplateFilter {

    private static final Pattern ANYWHERE = Pattern.compile(
            "(?i)\\bappeared first on\\b|\\bthe post .{1,300} appeared\\b");
    private static final Pattern LEADING = Pattern.compile(
            "(?i)^[\\s\\p{Punct}“”‘’»«\\[(]*(?:read more|continue reading|keep reading|click here|read the full"
            + " (?:story|article|post)|leave a comment|share this|subscribe to our newsletter|advertisement"
            + "|\\d+\\s*comments?)\\b.*");
    private static final Pattern WHOLE = Pattern.compile(
            "(?i)^[\\s\\p{Punct}]*(?:comments?|sponsored|source|via \\S+)[\\s\\p{Punct}\\d]*$");
    private static final int SHORT = 140;

    boolean isBoilerplate(String sentence) {
        // every ANYWHERE match contains "appeared": a plain search rules most sentences out cheaply
        if (sentence.toLowerCase(Locale.ROOT).contains("appeared") && ANYWHERE.matcher(sentence).find()) {
            return true;
        }
        return sentence.length() <= SHORT
                && (LEADING.matcher(sentence).matches() || WHOLE.matcher(sentence).matches());
    }
}
