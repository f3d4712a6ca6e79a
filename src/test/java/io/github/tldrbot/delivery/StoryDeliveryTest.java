package io.github.tldrbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One card per story per channel, grown by edits (SPEC §5.5, §6.2a), against a real SQLite file. */
class StoryDeliveryTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    DeliveryFixture fx;
    FakePublisher discord = new FakePublisher();
    Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void open() {
        fx = new DeliveryFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** Stores an article in {@code story} (null: a story of its own) and hands its card to the outbox. */
    private StoredArticle postInStory(String id, Instant firstSeen, StoredArticle story) {
        StoredArticle stored = fx.store(id, firstSeen);
        fx.articles.setStories(Map.of(stored.id(), story == null ? stored.id() : story.storyId() != null
                ? story.storyId() : story.id()));
        Card card = fx.cards.find(stored.id()).orElseThrow();
        fx.sink.publish(new PostedCard(fx.feedId, new FeedInfo(DeliveryFixture.FEED_URL, "Example News",
                "https://news.example/", "rss_2.0", null), stored.id(), stored.article(), card, false));
        return stored;
    }

    private Delivery only(Subscription sub, String articleTitle) {
        StoredArticle article = fx.articles.listByFeed(fx.feedId, 100).stream()
                .filter(a -> a.article().title().equals(articleTitle)).findFirst().orElseThrow();
        return fx.deliveriesOf(sub).stream().filter(d -> d.articleId() == article.id()).findFirst().orElseThrow();
    }

    @Test
    void aLaterSourceOfAPostedStoryEditsItsMessageInsteadOfPostingAgain() {
        Subscription sub = fx.subscribe(100);
        StoredArticle first = postInStory("a1", t0, null);
        fx.worker(discord).start();
        await().atMost(WAIT).until(() -> only(sub, "Title a1").status() == DeliveryStatus.SENT);

        postInStory("a2", t0.plusSeconds(5), first);
        postInStory("a3", t0.plusSeconds(9), first);

        await().atMost(WAIT).until(() -> only(sub, "Title a3").status() == DeliveryStatus.SENT);
        assertThat(discord.postedTo(100)).as("one card for the story").hasSize(1);
        assertThat(discord.edits).hasSize(2);
        Delivery post = only(sub, "Title a1");
        assertThat(only(sub, "Title a2").editOf()).isEqualTo(post.id());
        assertThat(only(sub, "Title a3").messageId()).isEqualTo(post.messageId());
        OutgoingMessage shown = discord.postedTo(100).get(0).message();
        assertThat(shown.article().link()).as("the card keeps its first article's link").isEqualTo("https://news.example/a1");
        assertThat(shown.sources()).extracting(StorySource::n, StorySource::link).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "https://news.example/a1"),
                org.assertj.core.groups.Tuple.tuple(2, "https://news.example/a2"),
                org.assertj.core.groups.Tuple.tuple(3, "https://news.example/a3"));
    }

    @Test
    void sourcesThatArriveBeforeTheCardIsPostedAreInItsFirstVersion() {
        Subscription sub = fx.subscribe(100);
        StoredArticle first = postInStory("a1", t0, null);
        postInStory("a2", t0.plusSeconds(5), first);

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> only(sub, "Title a2").status() != DeliveryStatus.PENDING);
        assertThat(only(sub, "Title a2").status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(only(sub, "Title a2").lastError()).contains("not posted yet");
        assertThat(discord.postedTo(100)).singleElement()
                .satisfies(p -> assertThat(p.message().sources()).hasSize(2));
        assertThat(discord.edits).isEmpty();
    }

    @Test
    void aStoryCardADeletedMessageHeldIsNeitherEditedNorPostedAgain() {
        Subscription sub = fx.subscribe(100);
        StoredArticle first = postInStory("a1", t0, null);
        fx.worker(discord).start();
        await().atMost(WAIT).until(() -> only(sub, "Title a1").status() == DeliveryStatus.SENT);
        discord.delete(only(sub, "Title a1").messageId());

        postInStory("a2", t0.plusSeconds(5), first);
        await().atMost(WAIT).until(() -> only(sub, "Title a2").status() == DeliveryStatus.SKIPPED);
        postInStory("a3", t0.plusSeconds(9), first);

        assertThat(only(sub, "Title a2").lastError()).contains("deleted");
        assertThat(only(sub, "Title a3").status()).as("refused when enqueued").isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(discord.postedTo(100)).isEmpty();
    }

    @Test
    void aStoryGetsItsOwnCardInEachChannelAndADifferentStoryIsANewPost() {
        Subscription news = fx.subscribe(100);
        Subscription other = fx.subscribe(200);
        StoredArticle first = postInStory("a1", t0, null);
        postInStory("b1", t0.plusSeconds(1), null);
        fx.worker(discord).start();
        await().atMost(WAIT).until(() -> fx.deliveriesOf(news).stream().allMatch(d -> d.status() == DeliveryStatus.SENT)
                && fx.deliveriesOf(other).stream().allMatch(d -> d.status() == DeliveryStatus.SENT));

        postInStory("a2", t0.plusSeconds(5), first);
        await().atMost(WAIT).until(() -> only(news, "Title a2").status() == DeliveryStatus.SENT
                && only(other, "Title a2").status() == DeliveryStatus.SENT);

        assertThat(discord.postedTo(100)).hasSize(2);
        assertThat(discord.postedTo(200)).hasSize(2);
        assertThat(discord.edits).extracting(FakePublisher.Posted::channelId).containsExactlyInAnyOrder(100L, 200L);
    }

    @Test
    void aCardIsEditedAtMostTenTimes() {
        Subscription sub = fx.subscribe(100);
        StoredArticle first = postInStory("a1", t0, null);
        fx.worker(discord).start();
        await().atMost(WAIT).until(() -> only(sub, "Title a1").status() == DeliveryStatus.SENT);

        for (int i = 1; i <= DeliveryStore.MAX_EDITS + 1; i++) {
            postInStory("e" + i, t0.plusSeconds(i), first);
            String title = "Title e" + i;
            await().atMost(WAIT).until(() -> only(sub, title).status() != DeliveryStatus.PENDING
                    && only(sub, title).status() != DeliveryStatus.SENDING);
        }

        assertThat(discord.edits).hasSize(DeliveryStore.MAX_EDITS);
        Delivery last = only(sub, "Title e" + (DeliveryStore.MAX_EDITS + 1));
        assertThat(last.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(last.lastError()).contains("edited 10 times");
        assertThat(discord.postedTo(100)).hasSize(1);
    }

    @Test
    void anEditInterruptedByACrashIsAppliedAgainAtStart() {
        Subscription sub = fx.subscribe(100);
        StoredArticle first = postInStory("a1", t0, null);
        DeliveryWorker worker = fx.worker(discord);
        worker.start();
        await().atMost(WAIT).until(() -> only(sub, "Title a1").status() == DeliveryStatus.SENT);
        worker.close();
        postInStory("a2", t0.plusSeconds(5), first);
        // the process died after claiming the edit: the row is left 'sending'
        assertThat(fx.deliveries.claimNext(100, Instant.now())).get().extracting(Delivery::isEdit).isEqualTo(true);

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> only(sub, "Title a2").status() == DeliveryStatus.SENT);
        assertThat(discord.postedTo(100)).hasSize(1);
        assertThat(discord.postedTo(100).get(0).message().sources()).hasSize(2);
        assertThat(List.copyOf(discord.edits)).hasSize(1);
    }
}
