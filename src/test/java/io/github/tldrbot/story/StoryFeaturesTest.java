package io.github.tldrbot.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFeaturesTest {

    private final StoryFeatures features = new StoryFeatures(StorySettings.defaults());

    @Test
    void wordsEntitiesNumbersAndLinksBecomeFeatures() {
        var keys = features.keys(new StoryArticle(1, "Biden signs $1.2 trillion infrastructure bill",
                "President Joe Biden signed the bill at the White House on Monday. The law sends 1,200 projects to states.",
                null, "https://www.news.example/politics/bill/?utm_source=x",
                List.of("https://congress.example/bill/3684", "https://www.news.example/other", "https://congress.example/"),
                "en"));
        assertThat(keys).contains("biden", "infrastructure", "bill", "e:president joe biden", "e:white house", "#1.2", "#1200",
                "l:news.example/politics/bill", "l:congress.example/bill/3684");
        // stop words, the outlet's own pages and front pages are no features
        assertThat(keys).doesNotContain("the", "at", "on", "l:news.example/other", "l:congress.example", "e:president",
                "e:the");
    }

    @Test
    void aTitleCaseHeadlineGivesNoEntitiesButItsWordsCount() {
        var keys = features.keys(new StoryArticle(1, "Storm Brings Heavy Snow To The Midwest Region", null, null, null));
        assertThat(keys).contains("storm", "snow", "midwest").noneMatch(k -> k.startsWith("e:"));
    }

    @Test
    void aLoneCapitalisedWordOpeningASentenceIsNoEntity() {
        var keys = features.keys(new StoryArticle(1, null, "Officials said the plant closed. Later, Siemens confirmed it.",
                null, null));
        assertThat(keys).doesNotContain("e:official", "e:later").contains("e:siemen");
    }
}
