package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FeedTopicTest {

    private final AudienceClassifier classifier = new AudienceClassifier(DefaultAudiences.list());
    private final FeedTopic topic = new FeedTopic(classifier);

    private static Article article(String title, String body) {
        return new Article(title, null, title, "https://example.org/" + title.hashCode(), null, null, null,
                List.of(), body, body, null);
    }

    private static List<String> ids(List<AudienceRef> refs) {
        return refs.stream().map(AudienceRef::id).toList();
    }

    private static List<Article> times(int n, String title, String body) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(article(title + " " + i, body));
        }
        return out;
    }

    @Test
    void aReleaseFeedsNameMakesAVersionTitleADeveloperCard() {
        Article release = article("v3.9.0", null);
        assertThat(classifier.classify(release)).isEmpty();

        assertThat(ids(topic.of("Release notes from gulp", List.of(release)))).containsExactly("developers");
    }

    @Test
    void aNameWithOnlyWeakOrAmbiguousWordsStatesNothing() {
        assertThat(classifier.classifyName("reddit: the front page of the internet")).isEmpty();
        assertThat(classifier.classifyName("Craig's notes")).isEmpty();
        assertThat(classifier.classifyName(null)).isEmpty();
    }

    @Test
    void theArticlesOwnAudiencesGiveTheTopicWhenMostOfThemAgree() {
        List<Article> recent = new ArrayList<>(times(6, "Telescope spots a comet",
                "Astronomers used the telescope to follow the comet past the planet."));
        recent.addAll(times(2, "Startup raises a funding round", "The startup raised a series A funding round."));
        recent.add(article("Food for fungi", "A short note."));

        assertThat(ids(topic.of("The Weekly", recent))).containsExactly("science");
    }

    @Test
    void aFeedWhoseArticlesSpreadOverManyAudiencesHasNoTopic() {
        List<Article> recent = new ArrayList<>(times(3, "Telescope spots a comet", "Astronomers saw the comet."));
        recent.addAll(times(3, "Startup raises a funding round", "The startup raised a series A funding round."));
        recent.addAll(times(3, "Election results are in", "Voters went to the polls in the election."));

        assertThat(topic.of("City Paper", recent)).isEmpty();
    }

    @Test
    void tooFewArticlesWithAudiencesGiveNoTopic() {
        List<Article> recent = new ArrayList<>(times(FeedTopic.MIN_CLASSIFIED - 1, "Telescope spots a comet",
                "Astronomers saw the comet."));
        recent.addAll(times(10, "Nailed it", "Look at this."));

        assertThat(topic.of("Pictures", recent)).isEmpty();
    }

    @Test
    void aGeneralFeedWhereFewArticlesNameAnyAudienceHasNoTopic() {
        // five of twenty-four agree, but nineteen name nothing: a front page of everything, not a topic
        List<Article> recent = new ArrayList<>(times(5, "Telescope spots a comet", "Astronomers saw the comet."));
        recent.addAll(times(19, "Nailed it", "Look at this."));
        assertThat(topic.of("Front Page", recent)).isEmpty();

        List<Article> focused = new ArrayList<>(times(8, "Telescope spots a comet", "Astronomers saw the comet."));
        focused.addAll(times(16, "Nailed it", "Look at this."));
        assertThat(ids(topic.of("Front Page", focused))).containsExactly("science");
    }

    @Test
    void aNameTheFeedsOwnArticlesContradictIsNotBelieved() {
        // "tsunami" is a strong Science word, but this blog writes about money
        List<Article> recent = times(8, "Startup raises a funding round", "The startup raised a series A funding round.");

        assertThat(ids(topic.of("One Foot Tsunami", recent))).doesNotContain("science").contains("investors");
        assertThat(ids(topic.of("One Foot Tsunami", List.of()))).containsExactly("science");
    }

    @Test
    void aCardThatNamesAudiencesIsLeftAsItIsAndTheTopicIsNotWorkedOut() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<Article>> recent = () -> {
            reads.incrementAndGet();
            return List.of();
        };
        Card own = new Card("t", null, null, null, List.of(new AudienceRef("gaming", "Gamers")), List.of(), "x");

        assertThat(FeedTopic.fill(own, topic.lazy("Release notes from gulp", recent))).isSameAs(own);
        assertThat(reads).hasValue(0);
    }

    @Test
    void aCardWithoutAudiencesGetsTheTopicAndTheFeedIsReadOnceForABatch() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<AudienceRef>> lazy = topic.lazy("Release notes from gulp", () -> {
            reads.incrementAndGet();
            return List.of();
        });
        Card bare = new Card("v3.9.0", null, null, null, List.of(), List.of(), "x");

        assertThat(ids(FeedTopic.fill(bare, lazy).whoShouldCare())).containsExactly("developers");
        assertThat(ids(FeedTopic.fill(bare, lazy).whoShouldCare())).containsExactly("developers");
        assertThat(reads).hasValue(1);
    }
}
