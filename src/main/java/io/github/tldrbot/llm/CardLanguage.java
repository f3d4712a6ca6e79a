package io.github.tldrbot.llm;

import io.github.tldrbot.config.SummarizerConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The prompt's language rule from {@code summarizer.language}: {@code auto} writes each card in its
 * article's language ({@code Article.lang}; with several sources the one most of them are in,
 * the earliest on a tie), or "the language of the article" when it is not known; a fixed code or
 * name writes every card in that language, whatever the sources are in. Codes are given to the model
 * as an English name with the code ("German (de)"), which models follow more reliably than a bare
 * code. Immutable and thread-safe.
 */
final class CardLanguage {

    private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*");

    /** The fixed language's name, or null for auto. */
    private final String fixed;

    /** @param configured the validated {@code summarizer.language} */
    CardLanguage(String configured) {
        this.fixed = configured == null || configured.isBlank() || configured.equalsIgnoreCase(SummarizerConfig.AUTO_LANGUAGE)
                ? null : name(configured.strip());
    }

    /** One rule line for the system message (no leading dash). */
    String rule(List<PromptSource> sources) {
        if (fixed != null) {
            return "Write every text field in " + fixed + ", whatever the language of the sources.";
        }
        String article = sources.size() == 1 ? "the article" : "most sources";
        String lang = commonLanguage(sources);
        return lang == null
                ? "Write every text field in the language of the article."
                : "Write every text field in " + name(lang) + ", the language of " + article + ".";
    }

    /** "German (de)" for a known code or tag, else {@code value} as written (a language name). */
    static String name(String value) {
        if (!TAG.matcher(value).matches()) {
            return value;
        }
        Locale locale = Locale.forLanguageTag(value);
        String display = locale.getDisplayName(Locale.ENGLISH);
        if (display.isEmpty() || display.equalsIgnoreCase(value) || display.equalsIgnoreCase(locale.getLanguage())) {
            return value;
        }
        return display + " (" + value + ")";
    }

    private static String commonLanguage(List<PromptSource> sources) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PromptSource s : sources) {
            if (s.lang() != null && !s.lang().isBlank()) {
                counts.merge(s.lang().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
