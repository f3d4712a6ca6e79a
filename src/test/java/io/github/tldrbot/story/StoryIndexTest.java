package io.github.tldrbot.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryIndexTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** Unrelated news of the same days, so that document frequencies know what is common. */
    static List<StoryArticle> background() {
        String[][] items = {
            {"City council approves new bike lanes downtown", "The council voted 7-2 on Tuesday to add protected bike lanes on Main Street, a plan the mayor backed."},
            {"Storm brings heavy snow to the Midwest", "Forecasters warned of up to 30 centimetres of snow in Chicago and Milwaukee as the storm moved east on Tuesday."},
            {"Central bank holds interest rates steady", "The central bank kept its key rate unchanged, saying inflation was easing but the labour market remained tight."},
            {"Local team wins championship in overtime", "The Rivertown Hawks beat the Lakeside Bears 3-2 in overtime on Monday night to win their first title in 20 years."},
            {"New study links sleep to memory", "Researchers at Oxford University found that people who slept less than six hours remembered fewer words the next day."},
            {"Airline adds routes to Asia", "Northwind Air said it would fly to Seoul and Osaka from June, adding 14 weekly flights to its schedule."},
            {"Museum reopens after renovation", "The city museum reopened on Saturday after a two-year renovation that added a new wing for modern art."},
            {"Farmers protest fuel prices", "Hundreds of farmers drove tractors into the capital on Monday to protest rising diesel prices and new rules."},
        };
        List<StoryArticle> out = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            out.add(new StoryArticle(1000 + i, items[i][0], items[i][1], T0.minus(Duration.ofHours(6 + i)),
                    "https://news" + i + ".example/a/" + i));
        }
        return out;
    }

    static StoryIndex withBackground() {
        StoryIndex index = new StoryIndex();
        for (StoryArticle a : background()) {
            index.assign(a);
        }
        return index;
    }

    static final StoryArticle RECALL_A = new StoryArticle(1, "Acme recalls 412,000 Roadster cars over brake fault",
            "Acme Motors is recalling 412,000 Roadster sedans in the United States because a faulty brake hose can leak fluid,"
                    + " the National Highway Traffic Safety Administration said on Monday.",
            T0, "https://autos.example/news/acme-recall-roadster");
    static final StoryArticle RECALL_B = new StoryArticle(2, "Brake hose leak prompts Acme Roadster recall",
            "Carmaker Acme Motors will recall about 412,000 Roadster vehicles after finding that a brake hose may leak,"
                    + " according to a filing with the National Highway Traffic Safety Administration.",
            T0.plus(Duration.ofHours(3)), "https://daily.example/business/2026/03/02/acme-roadster-recall");
    static final StoryArticle RECALL_C = new StoryArticle(3, "Acme to fix brakes on 412K Roadsters",
            "Owners of Acme Roadster sedans built from 2021 to 2024 will get letters next month; dealers will replace the brake hose"
                    + " for free, Acme Motors said in its recall notice to the National Highway Traffic Safety Administration.",
            T0.plus(Duration.ofHours(9)), "https://wire.example/acme-roadster-brake-recall-412000");
    static final StoryArticle CEO_QUITS = new StoryArticle(4, "Acme Motors chief executive Jane Doe resigns",
            "Jane Doe stepped down as chief executive of Acme Motors on Monday after a dispute with the board over the company's"
                    + " electric-vehicle strategy; finance chief Raj Patel will lead the carmaker for now.",
            T0.plus(Duration.ofHours(5)), "https://daily.example/business/2026/03/02/acme-ceo-resigns");

    @Test
    void theSameEventFromThreeOutletsJoinsOneStory() {
        StoryIndex index = withBackground();
        assertThat(index.assign(RECALL_A)).isEqualTo(1);
        assertThat(index.assign(RECALL_B)).isEqualTo(1);
        assertThat(index.assign(RECALL_C)).isEqualTo(1);
    }

    @Test
    void twoEventsAboutTheSameCompanyStayApart() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        index.assign(RECALL_B);
        assertThat(index.assign(CEO_QUITS)).isEqualTo(4);
        assertThat(index.assign(RECALL_C)).isEqualTo(1);
    }

    @Test
    void anArticleStartsItsOwnStoryWhenNothingMatches() {
        StoryIndex index = withBackground();
        for (StoryArticle a : background()) {
            assertThat(index.findStory(a.id())).contains(a.id());
        }
        assertThat(index.storyCount()).isEqualTo(background().size());
    }

    @Test
    void aStoryIsACandidateOnlyWithinTheWindowOfPublicationTimes() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        StoryArticle fourDaysLater = copy(RECALL_B, 20, RECALL_A.published().plus(Duration.ofDays(4)));
        assertThat(index.assign(fourDaysLater)).isEqualTo(20);
        StoryArticle twoDaysLater = copy(RECALL_C, 21, RECALL_A.published().plus(Duration.ofDays(2)));
        assertThat(index.assign(twoDaysLater)).isEqualTo(1);
        // the window looks both ways: an article published before the story also meets it
        StoryArticle dayBefore = copy(RECALL_B, 22, RECALL_A.published().minus(Duration.ofDays(1)));
        assertThat(index.assign(dayBefore)).isEqualTo(1);
    }

    @Test
    void theWindowIsConfigurable() {
        StoryIndex index = new StoryIndex(StorySettings.defaults().withWindow(Duration.ofHours(24)));
        background().forEach(index::assign);
        index.assign(RECALL_A);
        assertThat(index.assign(copy(RECALL_B, 30, RECALL_A.published().plus(Duration.ofHours(30))))).isEqualTo(30);
        assertThat(index.assign(copy(RECALL_C, 31, RECALL_A.published().plus(Duration.ofHours(20))))).isEqualTo(1);
    }

    @Test
    void theSameLinkAlwaysJoinsEvenWithAnotherHeadline() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        StoryArticle retitled = new StoryArticle(40, "Update: regulator opens probe", null, T0.plus(Duration.ofHours(1)),
                "http://www.autos.example/news/acme-recall-roadster/?utm_source=rss#comments");
        assertThat(index.assign(retitled)).isEqualTo(1);
    }

    @Test
    void anArticleCitingAnotherArticlesLinkLeansTowardsItsStory() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        StoryArticle citing = new StoryArticle(41, "Roadster owners: what to do now", "Check the letter and book a dealer visit.",
                T0.plus(Duration.ofHours(2)), "https://blog.example/owners",
                List.of("https://autos.example/news/acme-recall-roadster", "https://blog.example/about"), "en");
        assertThat(index.assign(citing)).isEqualTo(1);
        StoryArticle notCiting = new StoryArticle(42, "Roadster owners: what to do now", "Check the letter and book a dealer visit.",
                T0.plus(Duration.ofHours(2)), "https://blog.example/owners-2");
        StoryIndex other = withBackground();
        other.assign(RECALL_A);
        assertThat(other.assign(notCiting)).isEqualTo(42);
    }

    @Test
    void assigningTheSameArticleTwiceGivesTheSameStory() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        long b = index.assign(RECALL_B);
        int size = index.size();
        assertThat(index.assign(RECALL_B)).isEqualTo(b);
        assertThat(index.size()).isEqualTo(size);
    }

    @Test
    void loadingAssignedArticlesBackAfterARestartGivesTheSameAssignments() {
        StoryIndex before = withBackground();
        List<StoryArticle> sequence = List.of(RECALL_A, CEO_QUITS, RECALL_B);
        List<Long> stories = new ArrayList<>();
        for (StoryArticle a : sequence) {
            stories.add(before.assign(a));
        }
        long expected = before.assign(RECALL_C);

        StoryIndex after = new StoryIndex();
        for (StoryArticle a : background()) {
            after.add(a, a.id());
        }
        for (int i = 0; i < sequence.size(); i++) {
            after.add(sequence.get(i), stories.get(i));
        }
        assertThat(after.size()).isEqualTo(before.size() - 1);
        assertThat(after.assign(RECALL_C)).isEqualTo(expected).isEqualTo(1);
        assertThat(after.findStory(CEO_QUITS.id())).contains(4L);
    }

    @Test
    void evictionKeepsTheIndexBoundedByTheWindow() {
        StoryIndex index = new StoryIndex();
        int perDay = 200;
        int days = 40;
        int maxSize = 0;
        for (int d = 0; d < days; d++) {
            for (int k = 0; k < perDay; k++) {
                long id = (long) d * perDay + k;
                Instant t = T0.plus(Duration.ofDays(d)).plusSeconds(k * 400L);
                index.assign(new StoryArticle(id, "Item " + id + " about topic" + (id % 97) + " and word" + (id * 7 % 1013),
                        "Body mentions code" + id + " and place" + (id % 31), t, "https://x.example/" + id));
                maxSize = Math.max(maxSize, index.size());
            }
        }
        // two 72 h windows hold at most 6 days (plus the day being filled) of 200 articles
        assertThat(maxSize).isLessThanOrEqualTo(7 * perDay);
        // features seen once (codes, links) are forgotten with their article: the vocabulary does not grow
        // with the history (40 days hold over 40,000 distinct features)
        assertThat(index.termCount()).isLessThan(15 * 7 * perDay);
        index.evictBefore(T0.plus(Duration.ofDays(days)));
        assertThat(index.size()).isZero();
        assertThat(index.storyCount()).isZero();
        assertThat(index.findStory(0)).isEmpty();
    }

    @Test
    void missingTitleTextTimeAndLinkAreHandled() {
        StoryIndex index = withBackground();
        assertThat(index.assign(new StoryArticle(50, null, null, null, null))).isEqualTo(50);
        assertThat(index.assign(new StoryArticle(51, null, null, null, null))).isEqualTo(51);
        assertThat(index.assign(new StoryArticle(52, "", "   ", null, "not a url"))).isEqualTo(52);
        // no publication time: the collection time stands in, so the window still applies
        StoryArticle undated = new StoryArticle(53, RECALL_B.title(), RECALL_B.text(), null, "https://daily.example/x");
        index.assign(RECALL_A);
        assertThat(index.assign(undated, T0.plus(Duration.ofHours(2)))).isEqualTo(1);
        StoryArticle undatedLate = new StoryArticle(54, RECALL_C.title(), RECALL_C.text(), null, "https://wire.example/y");
        assertThat(index.assign(undatedLate, T0.plus(Duration.ofDays(5)))).isEqualTo(54);
    }

    @Test
    void aPublicationTimeFarInTheFutureIsReadAsTheCollectionTime() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        StoryArticle future = copy(RECALL_B, 60, Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(index.assign(future, T0.plus(Duration.ofHours(1)))).isEqualTo(1);
        // and the bogus date did not push the window past today's articles
        assertThat(index.findStory(RECALL_A.id())).contains(1L);
    }

    @Test
    void aFeedsOwnNextArticleNeedsAClosematchToJoinItsStory() {
        StoryIndex index = withBackground();
        // one feed, two different items that share only generic words: two cards, not one
        assertThat(index.assign(inFeed(new StoryArticle(70, "First story", "Text one.", T0, "https://one.example/a"), 7)))
                .isEqualTo(70);
        assertThat(index.assign(inFeed(new StoryArticle(71, "Second story", "Text two.", T0.plusSeconds(5),
                "https://one.example/b"), 7))).isEqualTo(71);
        // the same item re-published by its feed under a new link still joins
        assertThat(index.assign(inFeed(copy(RECALL_A, 72, T0), 7))).isEqualTo(72);
        assertThat(index.assign(inFeed(copy(RECALL_A, 73, T0.plusSeconds(60)), 7))).isEqualTo(72);
        // and another feed's report of the event joins at the usual threshold
        assertThat(index.assign(inFeed(RECALL_B, 8))).isEqualTo(72);
    }

    @Test
    void theSameFeedThresholdIsStricterThanTheUsualOne() {
        StorySettings d = StorySettings.defaults();
        assertThat(d.sameFeedThreshold()).isGreaterThan(d.threshold());
        StoryIndex lenient = new StoryIndex(d.withSameFeedThreshold(0.0));
        assertThat(lenient.assign(inFeed(new StoryArticle(70, "First story", "Text one.", T0, "https://one.example/a"), 7)))
                .isEqualTo(70);
        assertThat(lenient.assign(inFeed(new StoryArticle(71, "Second story", "Text two.", T0.plusSeconds(5),
                "https://one.example/b"), 7))).as("without the stricter rule the generic words merge them").isEqualTo(70);
    }

    @Test
    void anotherStoryAboutTheSameCompanyIsRelatedButNotJoined() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        index.assign(RECALL_B);
        assertThat(index.assign(CEO_QUITS)).isEqualTo(CEO_QUITS.id());

        assertThat(index.related(CEO_QUITS.id(), 3)).extracting(StoryIndex.Related::storyId).containsExactly(RECALL_A.id());
        assertThat(index.related(RECALL_B.id(), 3)).extracting(StoryIndex.Related::storyId).containsExactly(CEO_QUITS.id())
                .as("never its own story").doesNotContain(RECALL_A.id());
        // the unrelated background news is not listed, and an unknown article has nothing
        assertThat(index.related(1000, 3)).isEmpty();
        assertThat(index.related(999_999, 3)).isEmpty();
    }

    @Test
    void earlierStoriesAboutTheSameCompanyMakeTheTimelineOfALaterOne() {
        StoryIndex index = withBackground();
        index.assign(RECALL_A);
        StoryArticle ceoTwoDaysLater = new StoryArticle(CEO_QUITS.id(), CEO_QUITS.title(), CEO_QUITS.text(),
                T0.plus(Duration.ofDays(2)), CEO_QUITS.url());
        assertThat(index.assign(ceoTwoDaysLater)).isEqualTo(CEO_QUITS.id());

        assertThat(index.earlierAbout(CEO_QUITS.id(), 5)).singleElement().satisfies(e -> {
            assertThat(e.storyId()).isEqualTo(RECALL_A.id());
            assertThat(e.firstPublished()).isEqualTo(T0);
        });
        assertThat(index.earlierAbout(RECALL_A.id(), 5)).as("the later story is not in the earlier one's timeline").isEmpty();
        // the same day is one news cycle: related, not history
        StoryIndex sameDay = withBackground();
        sameDay.assign(RECALL_A);
        sameDay.assign(CEO_QUITS);
        assertThat(sameDay.earlierAbout(CEO_QUITS.id(), 5)).isEmpty();
    }

    private static StoryArticle inFeed(StoryArticle a, long feedId) {
        return new StoryArticle(a.id(), a.title(), a.text(), a.published(), a.url(), a.links(), a.lang(), feedId);
    }

    private static StoryArticle copy(StoryArticle a, long id, Instant published) {
        return new StoryArticle(id, a.title(), a.text(), published, a.url() + "?v=" + id, a.links(), a.lang());
    }
}
