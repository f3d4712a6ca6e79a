package io.github.tldrbot.discord.commands;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ParsedFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The card of a feed's newest article as the embed a channel would get, for the replies of
 * {@code /feed add} and {@code /feed preview}: same summarizer, same rendering, no role mentions.
 */
final class PreviewCardRenderer {
    /** Never sent to Discord (the embed goes in an interaction reply); only satisfies the record. */
    private static final String PREVIEW_NONCE = "preview";

    private final Summarizer summarizer;
    private final CardEmbeds embeds;
    private final Clock clock;

    PreviewCardRenderer(Summarizer summarizer, CardEmbeds embeds, Clock clock) {
        this.summarizer = summarizer;
        this.embeds = embeds;
        this.clock = clock;
    }

    /** The newest article's card, or empty when the feed has no articles. */
    Optional<MessageEmbed> render(ParsedFeed parsed, long channelId) {
        return newest(parsed.articles()).map(article -> {
            Card card = summarizer.summarize(article);
            return embeds.render(new OutgoingMessage(channelId, PREVIEW_NONCE, parsed.feed().title(), parsed.feed().link(),
                    article, card, List.of(), clock.instant()));
        });
    }

    /** By published (else updated) date; undated articles count as older; ties: document order (newest first in feeds). */
    static Optional<Article> newest(List<Article> articles) {
        Comparator<Article> byDate = Comparator.comparing(PreviewCardRenderer::date, Comparator.nullsFirst(Comparator.naturalOrder()));
        Article best = null;
        for (Article article : articles) {
            if (best == null || byDate.compare(article, best) > 0) {
                best = article;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Instant date(Article article) {
        return article.published() != null ? article.published() : article.updated();
    }
}
