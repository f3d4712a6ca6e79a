package io.github.tldrbot.delivery;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.RelatedUpdate;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.store.SubscriptionTarget;
import java.time.Instant;
import java.util.List;

/**
 * One card message to send.
 *
 * @param nonce        at most 25 characters, derived from the delivery, identical on every retry so
 *                     the service can recognise a repeated send (Discord's {@code enforce_nonce})
 * @param feedTitle    shown as the embed's author; may be null
 * @param feedSiteLink the author's link; may be null
 * @param roleIds      roles to mention (the audience roles of the card's audiences); only these may ping
 * @param firstSeen    the embed timestamp when the article has no published date; with the published
 *                     date it also tells how late the bot saw the article ({@code collectedAfter})
 * @param recapLink    link to the latest message of the guild's scheduled weekly recap, or null
 * @param sources      the story's numbered sources when it has several (SPEC §5.5); empty for a
 *                     single-article card
 * @param target       how the subscription posts in its channel: thread per card, through the webhook (SPEC §6.5)
 */
public record OutgoingMessage(
        long channelId,
        String nonce,
        String feedTitle,
        String feedSiteLink,
        Article article,
        Card card,
        List<Long> roleIds,
        Instant firstSeen,
        String recapLink,
        List<StorySource> sources,
        List<RelatedUpdate> related,
        SubscriptionTarget target) {

    public OutgoingMessage {
        if (nonce == null || nonce.isEmpty() || nonce.length() > 25) {
            throw new IllegalArgumentException("nonce must be 1-25 characters: " + nonce);
        }
        roleIds = List.copyOf(roleIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        related = related == null ? List.of() : List.copyOf(related);
        target = target == null ? SubscriptionTarget.PLAIN : target;
    }

    /** A message posted as the bot, without a thread. */
    public OutgoingMessage(long channelId, String nonce, String feedTitle, String feedSiteLink, Article article,
                           Card card, List<Long> roleIds, Instant firstSeen, String recapLink, List<StorySource> sources,
                           List<RelatedUpdate> related) {
        this(channelId, nonce, feedTitle, feedSiteLink, article, card, roleIds, firstSeen, recapLink, sources, related,
                SubscriptionTarget.PLAIN);
    }

    /** The same message posted another way. */
    public OutgoingMessage withTarget(SubscriptionTarget newTarget) {
        return new OutgoingMessage(channelId, nonce, feedTitle, feedSiteLink, article, card, roleIds, firstSeen, recapLink,
                sources, related, newTarget);
    }

    /** A story message without related updates. */
    public OutgoingMessage(long channelId, String nonce, String feedTitle, String feedSiteLink, Article article,
                           Card card, List<Long> roleIds, Instant firstSeen, String recapLink, List<StorySource> sources) {
        this(channelId, nonce, feedTitle, feedSiteLink, article, card, roleIds, firstSeen, recapLink, sources, List.of());
    }

    /** A message without a recap link. */
    public OutgoingMessage(long channelId, String nonce, String feedTitle, String feedSiteLink, Article article,
                           Card card, List<Long> roleIds, Instant firstSeen) {
        this(channelId, nonce, feedTitle, feedSiteLink, article, card, roleIds, firstSeen, null, List.of());
    }

    /** A single-article message. */
    public OutgoingMessage(long channelId, String nonce, String feedTitle, String feedSiteLink, Article article,
                           Card card, List<Long> roleIds, Instant firstSeen, String recapLink) {
        this(channelId, nonce, feedTitle, feedSiteLink, article, card, roleIds, firstSeen, recapLink, List.of());
    }
}
