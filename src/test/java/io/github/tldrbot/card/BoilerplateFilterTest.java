package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateFilterTest {

    private final BoilerplateFilter filter = new BoilerplateFilter();

    @Test
    void furnitureSentencesAreBoilerplate() {
        for (String s : new String[] {"https://example.com/a/b.", "(www.example.com)", "Share on Twitter",
                "Share this:", "Like this:", "Tweet", "Permalink", "∞ Permalink", "[link] [12 comments]", "12 Comments.",
                "Weiterlesen →", "Lire la suite…", "Читать далее", "Read more…", "Continue reading →",
                "The post Widget 3 is out appeared first on Widget Blog.",
                "Related: Fact check: the speech analysed.", "See also: our guide to widgets.",
                "See omnystudio.com/listener for privacy information."}) {
            assertThat(filter.isBoilerplate(s)).as(s).isTrue();
        }
    }

    @Test
    void contentIsNot() {
        for (String s : new String[] {"You can read more about it at https://example.com/docs.",
                "Share prices rose 4% on Monday.", "The tweet was deleted an hour later.",
                "See https://example.com/a for the details.",
                "Related research found the same effect in mice.", "More on this later in the week.",
                "See how the new law changes the rules for privacy information held by banks."}) {
            assertThat(filter.isBoilerplate(s)).as(s).isFalse();
        }
    }
}
