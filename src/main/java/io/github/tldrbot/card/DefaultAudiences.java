package io.github.tldrbot.card;

import io.github.tldrbot.config.AudienceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audience set that ships when the configuration names none (SPEC §5.3): the tech audiences the
 * bot was made for (developers, researchers, executives, investors, policy, security, creators) and
 * the general newsroom sections readers expect next to them (gaming, science, health, politics).
 * Constant data, kept as one table so it is easy to review and to mirror in the example YAML: the
 * resource {@value #RESOURCE} next to this class, read once.
 *
 * <p>Keyword syntax ({@link io.github.tldrbot.config.AudienceKeyword}): {@code "phrase:weight"},
 * comma-separated; weight 1 when omitted. Phrases match on word boundaries, case-insensitively,
 * and plurals fold ({@code apis} matches {@code api}), so only singulars are listed; a phrase beats
 * the words inside it ({@code video game} is Gaming, and its {@code video} is not Creators');
 * {@code word*} is a prefix (Russian cases, German compounds); {@code word?} counts only when
 * another keyword of the same audience matched too (a word with several senses: {@code library?}
 * needs api, python, version… to mean software). Weights: 3 = unambiguous signal (cve, ipo, gdpr),
 * 2 = strong, 1 = supporting, below 1 = weak. Words that belong to several audiences (benchmark,
 * acquisition, revenue) carry a lower weight in the secondary audience.
 *
 * <p>Each audience has a column per language: English, German, French, Spanish, Portuguese,
 * Russian. Every column applies to every article (the language detector cannot tell short texts),
 * so non-English keywords are chosen not to be English words ({@code action}, {@code patron} are
 * left out of French), and a word two languages share is written once.
 */
public final class DefaultAudiences {

    /** Languages of the keyword columns, in table order. */
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt", "ru");
    static final String RESOURCE = "default-audiences.txt";

    private static final List<AudienceTable.Row> TABLE = AudienceTable.load(RESOURCE, LANGUAGES);

    private DefaultAudiences() {
    }

    /** The default audiences, in display order. */
    public static List<AudienceConfig> list() {
        return TABLE.stream()
                .map(row -> new AudienceConfig(row.id(), row.label(), row.description(), row.colour(), keywords(row)))
                .toList();
    }

    /** Keywords of one audience per language column, as written in the table ({@link #LANGUAGES} order). */
    static Map<String, Map<String, Double>> keywordsByLanguage(String id) {
        AudienceTable.Row row = TABLE.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no default audience " + id));
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            out.put(LANGUAGES.get(l), parseKeywords(row.keywords().get(l)));
        }
        return out;
    }

    private static Map<String, Double> keywords(AudienceTable.Row row) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            parseKeywords(row.keywords().get(l)).forEach((phrase, weight) -> {
                if (out.put(phrase, weight) != null) {
                    throw new IllegalStateException("duplicate default keyword of " + row.id() + ": " + phrase);
                }
            });
        }
        return out;
    }

    /** Parses {@code "a:2, b c:1.5, d"} into an insertion-ordered map. */
    static Map<String, Double> parseKeywords(String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.lastIndexOf(':');
            String phrase = colon < 0 ? s : s.substring(0, colon).strip();
            double weight = colon < 0 ? 1.0 : Double.parseDouble(s.substring(colon + 1).strip());
            if (out.put(phrase, weight) != null) {
                throw new IllegalStateException("duplicate default keyword: " + phrase);
            }
        }
        return out;
    }
}
