package io.github.tldrbot.card;

import java.time.Instant;

/**
 * One numbered source of a story card (SPEC §5.1 {@code sources}): {@code n} = 1 for the earliest
 * published article of the story.
 *
 * @param publisher who published it (the feed's title, else the article's host); may be null
 * @param published publication time, else when the bot first saw it; may be null
 */
public record StorySource(int n, String title, String link, String publisher, Instant published) {
}
