package io.github.tldrbot.card;

/** An audience as named on a card: its id and label. */
public record AudienceRef(String id, String label) {
}
