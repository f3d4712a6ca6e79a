package io.github.tldrbot.usecase;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.PostHistory;
import io.github.tldrbot.store.PostSkip;
import io.github.tldrbot.store.SkipReason;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.usecase.PostVerdict.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells from an article's {@link PostHistory} whether and why a subscription posted it (SPEC §6.5).
 * The outbox row speaks first (posted, waiting, failed, merged into a story card); then a stored skip
 * (filters, pause, flood guard); then what follows from the article row without a stored reason:
 * never chosen for posting and dated before {@code maxArticleAge} → too old, else seeded; stored
 * before the subscription existed → arrived before the channel subscribed.
 */
final class PostVerdicts {
    private final Duration maxArticleAge;

    PostVerdicts(Duration maxArticleAge) {
        this.maxArticleAge = maxArticleAge;
    }

    PostVerdict of(StoredArticle article, Subscription subscription, PostHistory history) {
        if (history.delivery().isPresent()) {
            return fromDelivery(history.delivery().get(), history.edited(), subscription);
        }
        Optional<PostSkip> own = history.skips().stream().filter(s -> s.subscriptionId() != null).findFirst();
        if (own.isPresent()) {
            return fromSkip(own.get());
        }
        Optional<PostSkip> feedWide = history.skips().stream().filter(s -> s.subscriptionId() == null).findFirst();
        if (feedWide.isPresent()) {
            return fromSkip(feedWide.get());
        }
        if (history.postState() == null) {
            return neverChosen(article, subscription);
        }
        if ("pending".equals(history.postState())) {
            return new PostVerdict(Kind.WAITING, "Chosen for posting; its card is still being made, then it is sent.", null);
        }
        if (subscription.createdAt() != null && article.firstSeenAt().isBefore(subscription.createdAt())) {
            return beforeSubscribed(subscription);
        }
        return new PostVerdict(Kind.UNKNOWN, "Its card was made, but no delivery or reason was recorded for this channel "
                + "(it arrived before this version of the bot recorded reasons).", null);
    }

    private PostVerdict neverChosen(StoredArticle article, Subscription subscription) {
        Instant date = article.article().published() != null ? article.article().published() : article.article().updated();
        if (date != null && date.isBefore(article.firstSeenAt().minus(maxArticleAge))) {
            return new PostVerdict(Kind.TOO_OLD, "Not posted: it is dated " + day(date) + ", older than polling.maxArticleAge ("
                    + written(maxArticleAge) + ") when the bot first saw it on " + day(article.firstSeenAt())
                    + "; old articles are stored, never posted.", null);
        }
        if (subscription.createdAt() != null && article.firstSeenAt().isBefore(subscription.createdAt())) {
            return beforeSubscribed(subscription);
        }
        return new PostVerdict(Kind.SEEDED, "Not posted: it was in the feed when the bot first polled it (seeded on "
                + day(article.firstSeenAt()) + "); the first poll stores every article and posts none.", null);
    }

    private static PostVerdict beforeSubscribed(Subscription subscription) {
        return new PostVerdict(Kind.BEFORE_SUBSCRIBED, "Not posted: it was already stored when this channel subscribed ("
                + day(subscription.createdAt()) + "); subscribing posts only articles that appear afterwards.", null);
    }

    private static PostVerdict fromSkip(PostSkip skip) {
        String detail = skip.detail() == null ? "" : skip.detail();
        return switch (skip.reason()) {
            case AUDIENCE -> new PostVerdict(Kind.FILTERED, "Filtered out by audience: the card does not name the audience `"
                    + detail + "` this subscription requires.", null);
            case INCLUDE -> new PostVerdict(Kind.FILTERED, "Filtered out by include: none of `" + detail
                    + "` matched its title, summary or categories.", null);
            case EXCLUDE -> new PostVerdict(Kind.FILTERED, "Filtered out by exclude: `" + detail
                    + "` matched its title, summary or categories.", null);
            case FILTER -> new PostVerdict(Kind.FILTERED, "Not posted: the subscription's filter does not work (" + detail
                    + "); fix it with /feed filter.", null);
            case PAUSED -> new PostVerdict(Kind.PAUSED, "Not posted: the subscription was paused when it arrived ("
                    + (detail.isEmpty() ? "no reason recorded" : detail) + ").", null);
            case FLOOD -> new PostVerdict(Kind.FLOOD, "Not posted: the poll that found it found more new articles than "
                    + "polling.maxPostsPerPoll (" + detail + "), so only the newest were posted.", null);
            case OTHER -> new PostVerdict(Kind.SKIPPED, "Not posted: " + detail, null);
        };
    }

    private static PostVerdict fromDelivery(Delivery delivery, Optional<Delivery> edited, Subscription subscription) {
        if (delivery.isEdit()) {
            String link = edited.map(e -> link(subscription, e)).orElse(null);
            String card = link == null ? "the story's card" : "the story's card (" + link + ")";
            return switch (delivery.status()) {
                case SENT -> new PostVerdict(Kind.MERGED, "Merged into a story already posted here: " + card
                        + " was edited to add it instead of posting it again.", link);
                case PENDING, SENDING -> new PostVerdict(Kind.MERGED, "Merged into a story already posted here: the edit of "
                        + card + " is still waiting to be sent.", link);
                case SKIPPED -> new PostVerdict(Kind.MERGED, "Merged into a story already posted here, but " + card
                        + " was not edited: " + delivery.lastError() + ".", link);
                case FAILED -> new PostVerdict(Kind.FAILED, "Merged into a story already posted here; editing " + card
                        + " failed: " + delivery.lastError(), link);
            };
        }
        return switch (delivery.status()) {
            case SENT -> {
                String link = link(subscription, delivery);
                yield new PostVerdict(Kind.POSTED, "Posted" + (delivery.sentAt() == null ? "" : " on " + day(delivery.sentAt()))
                        + (link == null ? "." : ": " + link), link);
            }
            case PENDING, SENDING -> new PostVerdict(Kind.WAITING, "Still waiting to be sent"
                    + (delivery.lastError() == null ? "." : " (last attempt: " + delivery.lastError() + ")."), null);
            case FAILED -> new PostVerdict(Kind.FAILED, "Sending failed after " + delivery.attempts() + " attempts: "
                    + delivery.lastError(), null);
            case SKIPPED -> new PostVerdict(Kind.SKIPPED, "Not posted: " + delivery.lastError() + ".", null);
        };
    }

    /** https://discord.com/channels/{guild}/{channel}/{message}, or null while the message or guild is unknown. */
    static String link(Subscription subscription, Delivery delivery) {
        if (delivery.messageId() == null || subscription.guildId() == null) {
            return null;
        }
        return "https://discord.com/channels/" + subscription.guildId() + "/" + delivery.channelId() + "/" + delivery.messageId();
    }

    /** As the config writes durations: {@code 3d}, {@code 12h}, {@code 90m}, {@code 30s}. */
    private static String written(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        return d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes())) ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }
}
