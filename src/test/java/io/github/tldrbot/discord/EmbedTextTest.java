package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.TextShortener;
import org.junit.jupiter.api.Test;

class EmbedTextTest {

    private final EmbedText text = new EmbedText(new TextShortener());

    @Test
    void fitCutsOnlyAtGraphemeClusterBoundariesAtEveryOffset() {
        String[] pieces = {"👨‍👩‍👧‍👦", "👍🏽", "🇫🇷", "é́̂", "ก่ำ", "각", "1️⃣", "🏳️‍🌈"};
        for (String piece : pieces) {
            for (int prefix = 0; prefix < 12; prefix++) {
                String source = "a".repeat(prefix) + piece.repeat(20);
                for (int max = 2; max < Math.min(source.length(), 60); max++) {
                    String shown = text.fit(source, max);
                    assertThat(shown.length()).isLessThanOrEqualTo(max);
                    EmbedAssertions.assertNoBrokenSurrogate(shown);
                    EmbedAssertions.assertCutAtGraphemeBoundary(source, shown);
                }
            }
        }
    }

    @Test
    void fitPrefersWordBoundariesAndKeepsShortTextWhole() {
        assertThat(text.fit("The quick brown fox jumps", 12)).isEqualTo("The quick…");
        assertThat(text.fit("fits", 10)).isEqualTo("fits");
        assertThat(text.fit(null, 10)).isNull();
    }

    @Test
    void lineAndParagraphTreatBlankAsEmptyAndCollapseWhiteSpace() {
        assertThat(text.line(" \t\n ")).isNull();
        assertThat(text.line(null)).isNull();
        assertThat(text.line(" a \n\t b ")).isEqualTo("a b");
        assertThat(text.paragraph(" one\r\n\n\n\n two  three ")).isEqualTo("one\n\ntwo three");
    }

    @Test
    void escapeLeavesLinksAndPlainTextAlone() {
        assertThat(text.escape("plain words, no markup.")).isEqualTo("plain words, no markup.");
        assertThat(text.escape("go to HTTPS://a.example/x_y*z now_ok"))
                .isEqualTo("go to HTTPS://a.example/x_y*z now\\_ok");
        assertThat(text.escape("- item\n  # deep\nmid - dash #tag")).isEqualTo("\\- item\n  \\# deep\nmid - dash #tag");
    }
}
