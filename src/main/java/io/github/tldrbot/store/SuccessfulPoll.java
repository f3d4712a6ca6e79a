package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;

import java.time.Duration;
import java.time.Instant;

/**
 * What a successful poll (a 200 that parsed) writes back to its feed row.
 *
 * @param validators   validators of this response, sent on the next poll
 * @param title        the feed's title from the document, or null to keep the stored one
 * @param siteLink     the feed's website link from the document, or null to keep the stored one
 * @param pollInterval the adaptive interval now in force
 */
public record SuccessfulPoll(
        Instant polledAt,
        Validators validators,
        String title,
        String siteLink,
        Duration pollInterval,
        Instant nextPollAt) {
}
