package io.github.tldrbot.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CitationsTest {

    private final Citations citations = new Citations();

    @Test
    void listsRangesAndAdjacentMarksAreCitationsOtherBracketsAreNot() {
        assertThat(citations.cited("A [1]. B [2, 3]. C [1-3][4]. D [citation needed], E [2024], F [x].")).containsExactly(1, 2, 3, 1, 2, 3, 4);
        assertThat(citations.missingSource("Fine [1].", 1)).isEmpty();
        assertThat(citations.missingSource("Zero [0].", 1)).hasValue(0);
        assertThat(citations.missingSource("Range [1–2].", 1)).hasValue(2);
    }

    @Test
    void aFieldCitingAMissingSourceIsDroppedOtherwiseKeptWithoutNeedingACitation() {
        assertThat(citations.field("Widget ships [2].", 1, 300).problem().kind()).isEqualTo("cites-missing-source");
        assertThat(citations.field("Widget ships.", 1, 300)).isEqualTo(Citations.Verdict.kept("Widget ships."));
        assertThat(citations.field(null, 1, 300)).isEqualTo(Citations.Verdict.kept(null));
    }

    @Test
    void aParagraphKeepsItsCitedSentencesOnly() {
        assertThat(citations.paragraph("One. Two [1]. Three.", 1, 600).text()).isEqualTo("One. Two [1].");
        assertThat(citations.paragraph("No citation at all.", 1, 600).problem().kind()).isEqualTo("cites-nothing");
        assertThat(citations.paragraph("Two [1]. Three [2].", 2, 600).text()).isEqualTo("Two [1]. Three [2].");
        assertThat(citations.paragraph("Too Little Detail in the sources [1].", 1, 600).text()).isEqualTo(Citations.TOO_LITTLE);
        assertThat(citations.paragraph("Too little detail in the sources, but the CEO is great [1].", 1, 600).text())
                .as("only the bare line is the marker").isEqualTo("Too little detail in the sources, but the CEO is great [1].");
    }

    @Test
    void shorteningPutsTheTrailingCitationBackAfterTheEllipsis() {
        String text = "word ".repeat(40).strip() + " [1].";
        String cut = citations.shorten(text, 60);
        assertThat(cut).hasSizeLessThanOrEqualTo(60).endsWith("word… [1]");
        assertThat(citations.shorten("word ".repeat(40).strip(), 60)).hasSizeLessThanOrEqualTo(60).endsWith("word…");
        assertThat(citations.shorten("short [1].", 60)).isEqualTo("short [1].");
    }
}
