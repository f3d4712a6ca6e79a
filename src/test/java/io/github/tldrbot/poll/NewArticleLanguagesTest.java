package io.github.tldrbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the new entries the poller will post get their language detected (detection is costly). */
class NewArticleLanguagesTest {
    static final Instant T0 = FeedRefresherTest.T0;

    @TempDir
    Path dir;

    @Test
    void languagesAreDetectedForTheNewEntriesTheChooserPicks() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("lang.db"))) {
            ArticleStore articles = new ArticleStore(db);
            long feedId = new FeedStore(db).add(FeedRefresherTest.URL, T0, Duration.ofMinutes(15));
            articles.insertIfNew(feedId, List.of(german("g1", 2)), T0);
            NewArticleLanguages languages = new NewArticleLanguages(articles, new ArticleLanguage());
            List<Article> document = List.of(german("g1", 2), german("g2", 1), german("g0", 3));

            List<Article> next = languages.detect(feedId, document, T0, fresh -> fresh.subList(0, 1));
            assertThat(next).extracting(Article::id).containsExactly("g1", "g2", "g0");
            assertThat(next).extracting(Article::lang).as("only the first unknown entry is chosen").containsExactly(null, "de", null);
            assertThat(languages.detect(feedId, document, T0, fresh -> List.of())).extracting(Article::lang)
                    .as("nothing to post: nothing detected").containsOnlyNulls();
        }
    }

    private static Article german(String id, int hoursAgo) {
        return FeedRefresherTest.german(id, T0.minus(Duration.ofHours(hoursAgo)));
    }
}
