package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.AudienceConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultAudiencesTest {

    @Test
    void shipsSevenCompleteAudiences() {
        List<AudienceConfig> list = DefaultAudiences.list();
        assertThat(list).extracting(AudienceConfig::id).containsExactly(
                "developers", "researchers", "executives", "investors", "policy", "security", "creators");
        assertThat(list.get(0).label()).isEqualTo("Developers & AI Engineers");
        WordTokenizer tokenizer = new WordTokenizer();
        for (AudienceConfig a : list) {
            assertThat(a.label()).isNotBlank();
            assertThat(a.description()).isNotBlank();
            assertThat(a.color()).isNotNull().isBetween(0, 0xFFFFFF);
            assertThat(a.keywords().size()).as(a.id()).isBetween(25, 50);
            Set<List<String>> tokenized = new HashSet<>();
            a.keywords().forEach((keyword, weight) -> {
                assertThat(keyword).isEqualTo(keyword.toLowerCase(Locale.ROOT).strip());
                assertThat(weight).isPositive();
                List<String> tokens = tokenizer.tokenize(keyword);
                assertThat(tokens).as(keyword).isNotEmpty();
                assertThat(tokenized.add(tokens)).as("%s duplicates another keyword of %s", keyword, a.id()).isTrue();
            });
        }
        assertThat(list.stream().map(AudienceConfig::color).distinct().count()).isEqualTo(7);
    }

    @Test
    void parsesTheKeywordTable() {
        assertThat(DefaultAudiences.parseKeywords("a:2, b c:1.5,  d ,"))
                .containsExactly(java.util.Map.entry("a", 2.0), java.util.Map.entry("b c", 1.5),
                        java.util.Map.entry("d", 1.0));
    }
}
