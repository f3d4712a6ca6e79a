package io.github.tldrbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudienceKeywordTest {

    @Test
    void readsPhrasesPrefixesAndTheCompanyMark() {
        assertThat(AudienceKeyword.parse(" Video Game ")).isEqualTo(new AudienceKeyword("video game", false));
        assertThat(AudienceKeyword.parse("library?")).isEqualTo(new AudienceKeyword("library", true));
        assertThat(AudienceKeyword.parse("library ?")).isEqualTo(new AudienceKeyword("library", true));
        assertThat(AudienceKeyword.parse("исходн* код*").words()).containsExactly("исходн*", "код*");
        assertThat(AudienceKeyword.parse("sicherheitslück*?")).isEqualTo(new AudienceKeyword("sicherheitslück*", true));
    }

    @Test
    void refusesMisplacedMarksAndShortPrefixes() {
        assertThatThrownBy(() -> AudienceKeyword.parse("a?b")).hasMessageContaining("'?' may only end");
        assertThatThrownBy(() -> AudienceKeyword.parse("a*b")).hasMessageContaining("'*' may only end");
        assertThatThrownBy(() -> AudienceKeyword.parse("api*")).hasMessageContaining("at least 4 letters");
        assertThatThrownBy(() -> AudienceKeyword.parse("open s*")).hasMessageContaining("at least 2 letters");
        assertThatThrownBy(() -> AudienceKeyword.parse(" ? ")).hasMessageContaining("no word");
        assertThatThrownBy(() -> AudienceKeyword.parse(null)).hasMessageContaining("no word");
    }
}
