package io.github.tldrbot.discord;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CollectionDelay;
import io.github.tldrbot.card.SourceAttribution;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The footer of a card embed: summarizer label · "Read original on &lt;publisher&gt;" · "collected N h
 * after publication" when the bot saw the article over an hour late, within Discord's footer limit.
 */
final class EmbedFooter {

    private static final int PUBLISHER_MAX = 80;

    private final EmbedText text;

    EmbedFooter(EmbedText text) {
        this.text = text;
    }

    /** @param articleLink the article's link once checked, or null */
    String render(Card card, OutgoingMessage message, String articleLink) {
        StringBuilder footer = new StringBuilder(text.fit(summarizerLabel(card == null ? null : card.summarizer()), CardEmbeds.LABEL_MAX));
        String publisher = text.line(SourceAttribution.publisher(message.feedTitle(), articleLink, message.feedSiteLink()));
        if (publisher != null) {
            footer.append(CardEmbeds.SEPARATOR).append("Read original on ").append(text.fit(publisher, PUBLISHER_MAX));
        }
        Article article = message.article();
        CollectionDelay.of(article == null ? null : article.published(), message.firstSeen())
                .ifPresent(delay -> footer.append(CardEmbeds.SEPARATOR).append(CollectionDelay.describe(delay)));
        return text.fit(footer.toString(), MessageEmbed.TEXT_MAX_LENGTH);
    }

    /** {@code extractive} → "extractive summary", {@code openai:<model>} → "AI summary (<model>)". */
    private String summarizerLabel(String summarizer) {
        String s = text.line(summarizer);
        if (s == null) {
            return "summary";
        }
        if (s.equalsIgnoreCase("extractive")) {
            return "extractive summary";
        }
        if (s.regionMatches(true, 0, "openai:", 0, 7)) {
            String model = s.substring(7).strip();
            return model.isEmpty() ? "AI summary" : "AI summary (" + model + ")";
        }
        return s;
    }
}
