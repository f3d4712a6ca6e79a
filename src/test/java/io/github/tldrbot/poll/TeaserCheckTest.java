package io.github.tldrbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.config.FullTextMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeaserCheckTest {
    private static final String THREE_SENTENCES = "The council voted 31 to 12 on Tuesday to build a 14-kilometre tram"
            + " extension linking the central station with the airport, after two years of public hearings. Construction"
            + " starts in spring 2027 and the first trams should run by the end of 2029, the transport department said."
            + " The line will have nine stops, including new stations at the university hospital and the business park,"
            + " and trams will run every six minutes in the rush hour.";

    private final TeaserCheck check = new TeaserCheck();

    @Test
    void noBodyIsATeaser() {
        assertThat(check.isTeaser(null)).isTrue();
        assertThat(check.isTeaser("  \n ")).isTrue();
    }

    @Test
    void aPodcastStyleCutAt255CharactersIsATeaser() {
        String cut = THREE_SENTENCES.substring(0, 255);

        assertThat(check.isTeaser(cut)).isTrue();
    }

    @Test
    void aFullBodyOfThreeSentencesAndFourHundredCharactersIsNot() {
        assertThat(THREE_SENTENCES.length()).isGreaterThanOrEqualTo(TeaserCheck.MIN_CHARS);

        assertThat(check.isTeaser(THREE_SENTENCES)).isFalse();
        assertThat(check.isTeaser(THREE_SENTENCES + "\n\n" + THREE_SENTENCES)).isFalse();
    }

    @Test
    void aLongBodyOfFewerThanThreeSentencesIsATeaser() {
        String two = THREE_SENTENCES.substring(0, THREE_SENTENCES.indexOf(" Construction")) + " The line will have"
                + " nine stops, including new stations at the university hospital, the business park, the old harbour,"
                + " the stadium, the ferry terminal, the new housing estates on the east side of the river and, from 2031,"
                + " the planned conference centre next to the motorway.";

        assertThat(two.length()).isGreaterThan(TeaserCheck.MIN_CHARS);
        assertThat(check.isTeaser(two)).isTrue();
    }

    @Test
    void aLongBodyStoppingMidSentenceIsACutButACreditLineAtTheEndIsNot() {
        String cut = THREE_SENTENCES + " Opponents of the plan point to the harbour tunnel, which opened three years";

        assertThat(check.isTeaser(cut)).isTrue();
        assertThat(check.isTeaser(THREE_SENTENCES + "\n\nPhoto: Jon Berg")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {" […]", " [...]", "…", " Continue reading →", " Read more", " Weiterlesen »",
            " The post Tram approved appeared first on Harbour Times. Read more"})
    void aLongBodyEndingTheWayCutTextsEndIsATeaser(String ending) {
        assertThat(check.isTeaser(THREE_SENTENCES + ending)).isTrue();
    }

    @Test
    void previewModeSettingsComeFromTheConfigEntriesOfTheFeedsUrl() {
        FullTextSettings settings = FullTextSettings.fromEntries(List.of(
                new FeedEntryConfig("https://a.example/feed", null, null, null, null, FullTextMode.NEVER),
                new FeedEntryConfig("https://b.example/feed", "1", null, null, null, FullTextMode.AUTO),
                new FeedEntryConfig("https://b.example/feed", "2", null, null, null, FullTextMode.ALWAYS)));

        assertThat(settings.modeFor(1, "https://a.example/feed")).isEqualTo(FullTextMode.NEVER);
        assertThat(settings.modeFor(2, "https://b.example/feed")).isEqualTo(FullTextMode.ALWAYS);
        assertThat(settings.modeFor(3, "https://unlisted.example/feed")).isEqualTo(FullTextMode.AUTO);
    }
}
