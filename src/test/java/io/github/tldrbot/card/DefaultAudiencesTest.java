package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.config.AudienceKeyword;
import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultAudiencesTest {

    @Test
    void shipsThirteenCompleteAudiences() {
        List<AudienceConfig> list = DefaultAudiences.list();
        assertThat(list).extracting(AudienceConfig::id).containsExactly(
                "developers", "researchers", "executives", "investors", "policy", "security", "creators",
                "tech", "gaming", "science", "health", "politics", "sports");
        assertThat(list.get(0).label()).isEqualTo("Developers & AI Engineers");
        for (AudienceConfig a : list) {
            assertThat(a.label()).isNotBlank();
            assertThat(a.description()).isNotBlank();
            assertThat(a.color()).isNotNull().isBetween(0, 0xFFFFFF);
            a.keywords().forEach((keyword, weight) -> {
                assertThat(keyword).isEqualTo(keyword.toLowerCase(Locale.ROOT).strip());
                assertThat(weight).isPositive();
                AudienceKeyword parsed = AudienceKeyword.parse(keyword);
                assertThat(new WordTokenizer().tokenize(parsed.phrase())).as(keyword).isNotEmpty();
            });
        }
        assertThat(list.stream().map(AudienceConfig::color).distinct().count()).isEqualTo(list.size());
    }

    @Test
    void everyAudienceHasKeywordsInEnglishGermanFrenchSpanishPortugueseAndRussian() {
        assertThat(DefaultAudiences.LANGUAGES).containsExactly("en", "de", "fr", "es", "pt", "ru");
        for (AudienceConfig a : DefaultAudiences.list()) {
            Map<String, Map<String, Double>> byLanguage = DefaultAudiences.keywordsByLanguage(a.id());
            assertThat(byLanguage.get("en")).as(a.id() + " en").hasSizeGreaterThanOrEqualTo(25);
            for (String lang : List.of("de", "fr", "es", "pt", "ru")) {
                assertThat(byLanguage.get(lang)).as(a.id() + " " + lang).hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    /**
     * Two keywords of one audience must never match the same words (a prefix covering an exact word,
     * two prefixes of one stem, a word written in two language columns): the words would count twice.
     */
    @Test
    void noTwoKeywordsOfAnAudienceMatchTheSameWords() {
        WordTokenizer tokenizer = new WordTokenizer();
        List<String> clashes = new ArrayList<>();
        for (AudienceConfig a : DefaultAudiences.list()) {
            List<String> phrases = a.keywords().keySet().stream().map(k -> AudienceKeyword.parse(k).phrase()).toList();
            PhraseMatcher matcher = new PhraseMatcher(phrases, tokenizer);
            for (int k = 0; k < phrases.size(); k++) {
                // the keyword's own words, prefixes as their stems: the shortest text the keyword matches
                int[] counts = matcher.countLongest(tokenizer.tokenize(phrases.get(k).replace("*", "")));
                for (int other = 0; other < counts.length; other++) {
                    if (other != k && counts[other] > 0) {
                        clashes.add(a.id() + ": " + phrases.get(k) + " / " + phrases.get(other));
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void parsesTheKeywordTable() {
        assertThat(DefaultAudiences.parseKeywords("a:2, b c:1.5,  d ,"))
                .containsExactly(Map.entry("a", 2.0), Map.entry("b c", 1.5), Map.entry("d", 1.0));
    }
}
