package io.github.tldrbot.app;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.SourceAttribution;
import io.github.tldrbot.card.RelatedUpdate;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.card.StoryCards;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.story.StoryIndex;
import io.github.tldrbot.story.StoryTracker;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges previewed articles into stories exactly as the bot does (SPEC §2, §5.5): the same
 * {@link StoryIndex}, fed in publication order across all sources. Each story gets the card of its
 * most informative article and its numbered sources (1 = earliest).
 */
final class PreviewStories {

    /** One story of the preview: its id, its articles (earliest first), its card and its sources. */
    record Story(String id, List<PreviewJsonRenderer.Item> items, Card card, List<StorySource> sources,
                 List<RelatedUpdate> related) {
    }

    /** SPEC §5.1: at most three related updates per story card. */
    static final int MAX_RELATED = 3;

    private PreviewStories() {
    }

    /**
     * Assigns every item its story; returns the items with {@code story} set (input order) and the
     * stories in order of their first article.
     */
    static Result merge(List<FeedInfo> feeds, List<PreviewJsonRenderer.Item> items) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        // publication order, as articles reach the bot; undated ones after the dated, in document order
        // no collection time: a saved file was read at some unknown time, so the publication times alone
        // place the articles (an undated one at the latest time seen)
        order.sort(Comparator.comparing((Integer i) -> items.get(i).article().published(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(i -> i));
        StoryIndex index = new StoryIndex();
        Map<Long, List<Integer>> members = new LinkedHashMap<>();
        long[] storyOf = new long[items.size()];
        for (int i : order) {
            long story = index.assign(StoryTracker.of(i + 1L, items.get(i).feed() + 1L, items.get(i).article()));
            storyOf[i] = story;
            members.computeIfAbsent(story, s -> new ArrayList<>()).add(i);
        }
        List<PreviewJsonRenderer.Item> labelled = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            labelled.add(items.get(i).inStory(storyId(storyOf[i])));
        }
        List<Story> stories = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> story : members.entrySet()) {
            List<PreviewJsonRenderer.Item> its = story.getValue().stream().map(labelled::get).toList();
            List<StorySource> sources = sources(feeds, its);
            // as the bot does: earlier stories about the same main entities, then related ones, of the first article
            long firstId = story.getValue().get(0) + 1L;
            List<TimelineEntry> earlier = new ArrayList<>();
            List<Long> earlierIds = new ArrayList<>();
            for (StoryIndex.Earlier e : index.earlierAbout(firstId, StoryCards.MAX_TIMELINE)) {
                Article first = items.get(members.get(e.storyId()).get(0)).article();
                if (first.title() != null && !first.title().isBlank()) {
                    earlier.add(new TimelineEntry(e.firstPublished().atZone(ZoneOffset.UTC).toLocalDate(), first.title(),
                            first.link()));
                    earlierIds.add(e.storyId());
                }
            }
            List<RelatedUpdate> related = new ArrayList<>();
            for (StoryIndex.Related r : index.related(firstId, MAX_RELATED + earlierIds.size())) {
                Article first = items.get(members.get(r.storyId()).get(0)).article();
                if (!earlierIds.contains(r.storyId()) && related.size() < MAX_RELATED
                        && first.title() != null && !first.title().isBlank()) {
                    related.add(new RelatedUpdate(first.title(), first.link()));
                }
            }
            Card card = StoryCards.merge(its.stream().map(PreviewJsonRenderer.Item::card).toList(), sources);
            stories.add(new Story(storyId(story.getKey()), its, StoryCards.withEarlierStories(card, earlier), sources, related));
        }
        return new Result(labelled, stories);
    }

    record Result(List<PreviewJsonRenderer.Item> items, List<Story> stories) {
    }

    private static String storyId(long story) {
        return "s" + story;
    }

    private static List<StorySource> sources(List<FeedInfo> feeds, List<PreviewJsonRenderer.Item> items) {
        List<StorySource> out = new ArrayList<>();
        for (PreviewJsonRenderer.Item item : items) {
            FeedInfo feed = feeds.get(item.feed());
            out.add(new StorySource(out.size() + 1, item.article().title(), item.article().link(),
                    SourceAttribution.publisher(feed.title(), item.article().link(), feed.link()), item.article().published()));
        }
        return out;
    }
}
