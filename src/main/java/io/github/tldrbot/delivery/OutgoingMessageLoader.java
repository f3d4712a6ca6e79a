package io.github.tldrbot.delivery;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.SourceAttribution;
import io.github.tldrbot.card.RelatedUpdate;
import io.github.tldrbot.card.StoryCards;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.PostedRecap;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionTarget;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Builds the {@link OutgoingMessage} of a delivery from the store: the article, its saved card, the
 * feed's title and site, the guild's roles for the card's audiences and its latest weekly recap
 * (SPEC §5.3, §5.4). The card
 * is never re-made here: the poster saves it before enqueueing, so a missing card means the row is
 * unusable and the delivery is skipped with a reason.
 */
public final class OutgoingMessageLoader {
    /** Sources listed on a story card at most (the embed field holds about this many lines). */
    static final int MAX_SOURCES = 10;
    /** SPEC §5.1: at most three related updates. */
    static final int MAX_RELATED = 3;

    private final ArticleStore articles;
    private final CardStore cards;
    private final FeedStore feeds;
    private final AudienceRoleStore roles;
    private final RecapScheduleStore recaps;
    private final StoryContext context;
    private final LongFunction<SubscriptionTarget> targets;

    /** @param targets a subscription's target by id ({@code SubscriptionTargetStore::find}) */
    public OutgoingMessageLoader(ArticleStore articles, CardStore cards, FeedStore feeds, AudienceRoleStore roles,
                                 RecapScheduleStore recaps, StoryContext context, LongFunction<SubscriptionTarget> targets) {
        this.articles = articles;
        this.cards = cards;
        this.feeds = feeds;
        this.roles = roles;
        this.recaps = recaps;
        this.context = context;
        this.targets = targets;
    }

    /** A loader whose subscriptions all post as the bot, without threads. */
    public OutgoingMessageLoader(ArticleStore articles, CardStore cards, FeedStore feeds, AudienceRoleStore roles,
                                 RecapScheduleStore recaps, StoryContext context) {
        this(articles, cards, feeds, roles, recaps, context, id -> SubscriptionTarget.PLAIN);
    }

    /** A loader that lists no related stories. */
    public OutgoingMessageLoader(ArticleStore articles, CardStore cards, FeedStore feeds, AudienceRoleStore roles,
                                 RecapScheduleStore recaps) {
        this(articles, cards, feeds, roles, recaps, StoryContext.NONE);
    }

    LoadedMessage load(Delivery delivery, Subscription subscription) {
        Optional<StoredArticle> article = articles.findById(delivery.articleId());
        if (article.isEmpty()) {
            return LoadedMessage.skip("the article is no longer stored");
        }
        Optional<Card> card = cards.find(delivery.articleId());
        if (card.isEmpty()) {
            return LoadedMessage.skip("the article has no saved card");
        }
        Optional<FeedRecord> feed = feeds.findById(subscription.feedId());
        List<StoredArticle> story = articles.listStoryOf(delivery.articleId(), MAX_SOURCES);
        List<StorySource> sources = story.size() > 1 ? sources(story) : List.of();
        List<Long> earlier = context.earlier(delivery.articleId(), StoryCards.MAX_TIMELINE);
        Card shown = StoryCards.withEarlierStories(story.size() > 1 ? storyCard(story, sources, card.get()) : card.get(),
                timelineOf(earlier));
        return LoadedMessage.send(new OutgoingMessage(
                delivery.channelId(),
                DeliveryNonce.of(delivery.id()),
                feed.map(FeedRecord::title).orElse(null),
                feed.map(FeedRecord::siteLink).orElse(null),
                article.get().article(),
                shown,
                roleIds(subscription.guildId(), shown),
                article.get().firstSeenAt(),
                subscription.guildId() == null ? null
                        : recaps.findLatestWeeklyRecap(subscription.guildId()).map(PostedRecap::link).orElse(null),
                sources,
                relatedUpdates(delivery.articleId(), earlier),
                targets.apply(subscription.id())));
    }

    /** Where the subscription's cards go (crash recovery asks whether the service recognises a repeat). */
    SubscriptionTarget target(long subscriptionId) {
        return targets.apply(subscriptionId);
    }

    /** Each earlier story as a dated timeline entry: its first article's day, title and link. */
    private List<TimelineEntry> timelineOf(List<Long> storyIds) {
        List<TimelineEntry> out = new ArrayList<>();
        for (long storyId : storyIds) {
            articles.findById(storyId).filter(s -> s.article().title() != null && !s.article().title().isBlank())
                    .ifPresent(s -> {
                        Instant when = s.article().published() != null ? s.article().published() : s.firstSeenAt();
                        out.add(new TimelineEntry(when.atZone(ZoneOffset.UTC).toLocalDate(), s.article().title(),
                                s.article().link()));
                    });
        }
        return out;
    }

    /**
     * SPEC §5.1: up to {@value #MAX_RELATED} other stories on close topics, each by its first article,
     * leaving out those the timeline shows.
     */
    private List<RelatedUpdate> relatedUpdates(long articleId, List<Long> inTimeline) {
        List<RelatedUpdate> out = new ArrayList<>();
        for (long storyId : context.related(articleId, MAX_RELATED + inTimeline.size())) {
            if (inTimeline.contains(storyId) || out.size() == MAX_RELATED) {
                continue; // shown in the timeline already
            }
            articles.findById(storyId).map(StoredArticle::article).filter(a -> a.title() != null && !a.title().isBlank())
                    .ifPresent(a -> out.add(new RelatedUpdate(a.title(), a.link())));
        }
        return out;
    }

    /** The story's articles as numbered sources, earliest first; the publisher is the feed's title. */
    private List<StorySource> sources(List<StoredArticle> story) {
        Map<Long, Optional<FeedRecord>> feedById = new HashMap<>();
        List<StorySource> out = new ArrayList<>();
        for (StoredArticle stored : story) {
            Article a = stored.article();
            Optional<FeedRecord> feed = feedById.computeIfAbsent(stored.feedId(), feeds::findById);
            String publisher = SourceAttribution.publisher(feed.map(FeedRecord::title).orElse(null), a.link(),
                    feed.map(FeedRecord::siteLink).orElse(null));
            out.add(new StorySource(out.size() + 1, a.title(), a.link(), publisher,
                    a.published() != null ? a.published() : stored.firstSeenAt()));
        }
        return out;
    }

    /** The story card over the sources' saved cards (the delivery's own card when none is saved). */
    private Card storyCard(List<StoredArticle> story, List<StorySource> sources, Card own) {
        List<Card> bySource = new ArrayList<>();
        story.forEach(stored -> bySource.add(cards.find(stored.id()).orElse(null)));
        return bySource.stream().allMatch(Objects::isNull) ? own : StoryCards.merge(bySource, sources);
    }

    /** The article's link, to look for an earlier message in the channel. */
    Optional<String> articleLink(long articleId) {
        return articles.findById(articleId).map(stored -> stored.article().link());
    }

    private List<Long> roleIds(Long guildId, Card card) {
        if (guildId == null || card.whoShouldCare().isEmpty()) {
            return List.of();
        }
        Map<String, Long> byAudience = roles.listForGuild(guildId);
        List<Long> ids = new ArrayList<>();
        for (AudienceRef audience : card.whoShouldCare()) {
            Long role = byAudience.get(audience.id());
            if (role != null && !ids.contains(role)) {
                ids.add(role);
            }
        }
        return ids;
    }
}
