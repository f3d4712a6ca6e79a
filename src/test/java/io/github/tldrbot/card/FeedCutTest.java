package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedCutTest {

    private final FeedCut cut = new FeedCut();

    @Test
    void explicitMarkersAreRemovedAndMarkTheCut() {
        for (String marker : new String[] {" [...]", " […]", " [ … ]", " (...)", "...", "…", " [+1234 chars]"}) {
            assertThat(cut.detect("Radiant floor heating throughou" + marker, 40))
                    .as(marker).isEqualTo(new FeedCut.Text("Radiant floor heating throughou", true));
        }
    }

    @Test
    void aDanglingSeparatorMarksTheCut() {
        assertThat(cut.detect("We talk about games, music,", 30)).isEqualTo(new FeedCut.Text("We talk about games, music", true));
        assertThat(cut.detect("We talk about games —", 30)).isEqualTo(new FeedCut.Text("We talk about games", true));
    }

    @Test
    void aTextWithoutAnEndAtAStorageLimitIsCut() {
        String text = "This week we take another round of your food";
        assertThat(cut.detect(text, 255).cut()).isTrue();
        assertThat(cut.detect(text, 254).cut()).isTrue();
        assertThat(cut.detect(text, 1024).cut()).isTrue();
        assertThat(cut.detect(text, 240).cut()).isFalse();
        assertThat(cut.detect(text + ".", 255).cut()).isFalse();
        assertThat(cut.detect("Er sagte „Ja“", 255).cut()).isFalse();
    }

    @Test
    void aTextEndingInAWordThatNeedsAnotherIsCut() {
        assertThat(cut.detect("We try to get excited about another A", 40).cut()).isTrue();
        assertThat(cut.detect("It would fit the era, and that s", 40).cut()).isTrue();
        assertThat(cut.detect("Then we talk about the", 40).cut()).isTrue();
        assertThat(cut.detect("Danach sprechen wir über die", 40).cut()).isTrue();
        assertThat(cut.detect("Ensuite nous parlons de la", 40).cut()).isTrue();
        assertThat(cut.detect("Потом мы говорим о", 40).cut()).isTrue();
        assertThat(cut.detect("Full transcript and show notes at the omni show", 40).cut()).isFalse();
        assertThat(cut.detect("The one thing I want is what I", 40).cut()).isFalse();
    }

    @Test
    void completeTextsAreNotCut() {
        assertThat(cut.detect("It shipped.", 11)).isEqualTo(new FeedCut.Text("It shipped.", false));
        assertThat(cut.detect("Was it shipped?  \n", 18)).isEqualTo(new FeedCut.Text("Was it shipped?", false));
        assertThat(cut.detect("", 0)).isEqualTo(new FeedCut.Text("", false));
    }
}
