package io.github.tldrbot.delivery;

/**
 * What {@link OutgoingMessageLoader} found for a delivery: the message to send, or why there is
 * nothing to send (exactly one is non-null).
 */
record LoadedMessage(OutgoingMessage message, String skipReason) {

    static LoadedMessage send(OutgoingMessage message) {
        return new LoadedMessage(message, null);
    }

    static LoadedMessage skip(String reason) {
        return new LoadedMessage(null, reason);
    }
}
