package io.github.tldrbot.delivery;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a story card's edit (SPEC §6.2a): the card that delivery {@code editOf} posted is
 * rendered again from the store — the story as it stands, every source so far — and written over
 * the message. A card not posted yet needs no edit (it shows every source when it goes out); a
 * deleted message is never posted again. Repeating an edit after a crash writes the same content,
 * so an edit is applied once per version whatever happens in between.
 */
final class StoryCardEdits {
    private static final Logger log = LoggerFactory.getLogger(StoryCardEdits.class);

    /** An edit the service did not apply: its answer (retry later or refused) and the message tried. */
    record Failure(SendResult result, OutgoingMessage message) {
    }

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final OutgoingMessageLoader messages;
    private final Publisher publisher;
    private final Clock clock;

    StoryCardEdits(DeliveryStore deliveries, SubscriptionStore subscriptions, OutgoingMessageLoader messages,
                   Publisher publisher, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Applies or settles the edit; a failure the worker must handle (backoff, pause) is returned. */
    Optional<Failure> apply(Delivery edit, Subscription subscription) {
        Optional<Delivery> posted = deliveries.findEdited(edit);
        if (posted.isEmpty() || posted.get().status() == DeliveryStatus.SKIPPED
                || posted.get().status() == DeliveryStatus.FAILED) {
            deliveries.markSkipped(edit.id(), "the story's card was not posted in this channel", clock.instant());
            return Optional.empty();
        }
        Delivery card = posted.get();
        if (card.status() != DeliveryStatus.SENT || card.messageId() == null
                || card.lastAttemptAt() != null && edit.createdAt().isBefore(card.lastAttemptAt())) {
            // the card is rendered from the store when its send starts: a source stored before that is on it
            deliveries.markSkipped(edit.id(), "the story's card was not posted yet; it shows this source when it is", clock.instant());
            return Optional.empty();
        }
        Optional<Subscription> cardSubscription = subscriptions.findById(card.subscriptionId());
        LoadedMessage loaded = messages.load(card, cardSubscription.orElse(subscription));
        if (loaded.skipReason() != null) {
            deliveries.markSkipped(edit.id(), loaded.skipReason(), clock.instant());
            return Optional.empty();
        }
        SendResult result;
        try {
            result = publisher.edit(card.channelId(), card.messageId(), loaded.message());
        } catch (RuntimeException e) {
            result = new SendResult.RetryLater("publisher error: " + e, null);
        }
        if (result instanceof SendResult.Sent) {
            deliveries.markEdited(edit, clock.instant());
            log.debug("story card edited: delivery={} channel={} message={}", edit.id(), edit.channelId(), card.messageId());
            return Optional.empty();
        }
        if (result instanceof SendResult.Gone) {
            deliveries.markStoryCardDeleted(edit, clock.instant());
            log.info("story card deleted by a moderator; not edited or posted again: channel={} message={}",
                    edit.channelId(), card.messageId());
            return Optional.empty();
        }
        return Optional.of(new Failure(result, loaded.message()));
    }
}
