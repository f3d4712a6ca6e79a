package io.github.tldrbot.app;

import io.github.tldrbot.card.CardTextRenderer;
import io.github.tldrbot.poll.CardSink;
import io.github.tldrbot.poll.PostedCard;
import java.io.PrintWriter;

/**
 * Preview mode's {@link CardSink}: prints each card the bot would post to standard output. The seed
 * sample (the newest card of a feed polled for the first time) is printed with a note that nothing
 * is posted on a first poll, so a newcomer sees output at once and is not misled.
 */
final class PreviewCardPrinter implements CardSink {
    private final PrintWriter out;
    private final CardTextRenderer renderer = new CardTextRenderer();

    PreviewCardPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void publish(PostedCard posted) {
        String source = posted.feed().title() != null ? posted.feed().title() : posted.feed().url();
        if (posted.seedSample()) {
            out.println("=== " + source + " — newest card (first poll: articles stored, none posted) ===");
        } else {
            out.println("=== " + source + " — new card ===");
        }
        out.println(renderer.render(posted.feed(), posted.article(), posted.card()));
        out.println();
        out.flush();
    }
}
