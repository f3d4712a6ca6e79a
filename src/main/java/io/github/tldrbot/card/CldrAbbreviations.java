package io.github.tldrbot.card;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.util.HashSet;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CLDR's sentence-break suppressions for a language ("Mr.", "z.B.", "M.", "руб."), read from the data
 * ICU4J ships, for {@link SentenceSplitter}.
 *
 * <p>Why not ICU's own {@code FilteredBreakIteratorBuilder}, which applies the same list: it matches
 * an abbreviation as the <em>end</em> of the word before the period, not as the whole word. German
 * lists "r." (rechts), so ICU 79 glues together every German sentence that ends in a word ending in
 * "r" ("Das war klar. Sie rief." stays one sentence, as do "der.", "aber.", "Jahr.", "mehr."). The
 * splitter checks the whole word against this set instead.
 *
 * <p>All-capital entries without an inner period ("DC.", "OK.", "PC.", "AD.") are left out: those
 * acronyms end sentences as often as they abbreviate ("…moved to Washington, DC. The…"). Entries keep
 * their case, as in CLDR. Languages without data (Japanese, Chinese) have none. Thread-safe; each
 * language is read once.
 */
final class CldrAbbreviations {

    private static final Map<String, Set<String>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private CldrAbbreviations() {
    }

    /** The suppressions for a normalised 2–3 letter language code; empty when CLDR has none. */
    static Set<String> forLanguage(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, CldrAbbreviations::load);
    }

    private static Set<String> load(String language) {
        String[] entries;
        try {
            UResourceBundle bundle = UResourceBundle.getBundleInstance(ICUData.ICU_BRKITR_BASE_NAME, new ULocale(language));
            if (!bundle.getULocale().getLanguage().equals(language) && !language.equals("en")) {
                return Set.of(); // ICU fell back to the default locale: no data for this language
            }
            entries = bundle.get("exceptions").get("SentenceBreak").getStringArray();
        } catch (MissingResourceException | UnsupportedOperationException e) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.endsWith(".") && !isCapitalAcronym(e)) {
                out.add(e);
            }
        }
        return Set.copyOf(out);
    }

    /** "DC.", "OK.": capitals only, no period before the last. */
    private static boolean isCapitalAcronym(String e) {
        for (int k = 0; k < e.length() - 1; k++) {
            char c = e.charAt(k);
            if (!Character.isUpperCase(c)) {
                return false;
            }
        }
        return e.length() > 2;
    }
}
