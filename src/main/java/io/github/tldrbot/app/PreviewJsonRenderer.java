package io.github.tldrbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CollectionDelay;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import java.time.Instant;
import java.util.List;

/**
 * The {@code preview --json} document of SPEC §12, field for field: missing strings are null, missing
 * lists [], instants ISO-8601 UTC. The field names are a public contract (scripts read them).
 */
final class PreviewJsonRenderer {
    /**
     * One article with its card, the index of its feed among the sources, and its story id (null
     * before stories are assigned).
     */
    record Item(Article article, Card card, int feed, String story) {
        Item(Article article, Card card) {
            this(article, card, 0, null);
        }

        Item inStory(String storyId) {
            return new Item(article, card, feed, storyId);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** When preview read the feed: the "first seen" of every article, for {@code collectedAfter}. */
    private final Instant seenAt;

    PreviewJsonRenderer(Instant seenAt) {
        this.seenAt = seenAt;
    }

    String render(FeedInfo feed, List<Item> items) {
        return render(List.of(feed), items, List.of());
    }

    /**
     * The §12 document: with one source the top-level {@code feed}, with several {@code feeds} and a
     * {@code feed} index on every article; {@code stories} (and {@code story} on every article) when
     * stories were assigned.
     */
    String render(List<FeedInfo> feeds, List<Item> items, List<PreviewStories.Story> stories) {
        ObjectNode root = mapper.createObjectNode();
        boolean several = feeds.size() > 1;
        if (several) {
            ArrayNode all = root.putArray("feeds");
            feeds.forEach(feed -> feed(all.addObject(), feed));
        } else {
            feed(root.putObject("feed"), feeds.get(0));
        }
        ArrayNode articles = root.putArray("articles");
        for (Item item : items) {
            Article a = item.article();
            ObjectNode n = articles.addObject();
            n.put("id", a.id());
            n.put("guid", a.guid());
            n.put("title", a.title());
            n.put("link", a.link());
            n.put("published", instant(a.published()));
            n.put("updated", instant(a.updated()));
            n.put("author", a.author());
            a.categories().forEach(n.putArray("categories")::add);
            n.put("summary", a.summary());
            n.put("lang", a.lang());
            n.put("image", a.image());
            if (several) {
                n.put("feed", item.feed());
            }
            if (item.story() != null) {
                n.put("story", item.story());
            }
            n.set("card", card(item.card(), a));
        }
        if (!stories.isEmpty()) {
            ArrayNode all = root.putArray("stories");
            for (PreviewStories.Story story : stories) {
                ObjectNode s = all.addObject();
                s.put("id", story.id());
                story.items().forEach(i -> s.withArray("articles").add(i.article().id()));
                ObjectNode card = card(story.card(), story.items().get(0).article());
                ArrayNode sources = card.putArray("sources");
                for (StorySource source : story.sources()) {
                    sources.addObject().put("n", source.n()).put("title", source.title()).put("link", source.link())
                            .put("publisher", source.publisher()).put("published", instant(source.published()));
                }
                if (!story.related().isEmpty()) {
                    ArrayNode related = card.putArray("relatedUpdates");
                    story.related().forEach(r -> related.addObject().put("title", r.title()).put("link", r.link()));
                }
                s.set("card", card);
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write preview JSON", e);
        }
    }

    private static void feed(ObjectNode f, FeedInfo feed) {
        f.put("url", feed.url());
        f.put("title", feed.title());
        f.put("link", feed.link());
        f.put("format", feed.format());
    }

    private ObjectNode card(Card c, Article article) {
        ObjectNode n = mapper.createObjectNode();
        n.put("tldr", c.tldr());
        n.put("whatChanged", c.whatChanged());
        n.put("whyItMatters", c.whyItMatters());
        n.put("whatToDoNext", c.whatToDoNext());
        ArrayNode who = n.putArray("whoShouldCare");
        for (AudienceRef a : c.whoShouldCare()) {
            who.addObject().put("id", a.id()).put("label", a.label());
        }
        c.keyTakeaways().forEach(n.putArray("keyTakeaways")::add);
        n.put("summarizer", c.summarizer());
        // §12: the §5.1 extensions appear only when present
        putIfPresent(n, "hook", c.hook());
        putIfPresent(n, "deepInsight", c.deepInsight());
        putIfPresent(n, "technicalDeepDive", c.technicalDeepDive());
        putIfPresent(n, "futureImplications", c.futureImplications());
        if (!c.timeline().isEmpty()) {
            ArrayNode timeline = n.putArray("timeline");
            for (TimelineEntry e : c.timeline()) {
                timeline.addObject().put("date", e.date().toString()).put("text", e.text()).put("link", e.link());
            }
        }
        CollectionDelay.of(article.published(), seenAt).ifPresent(d -> n.put("collectedAfter", d.withNanos(0).toString()));
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
