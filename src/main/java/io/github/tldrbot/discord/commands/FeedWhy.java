package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.usecase.ExplainArticle;
import io.github.tldrbot.usecase.PostVerdict;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /feed why}: runs {@link ExplainArticle} for the channel (default: this one) and shows the
 * verdict — for one match in full, for several each on a line, newest first.
 */
final class FeedWhy implements FeedSubcommand {
    static final String ARTICLE = "article";

    private final ExplainArticle explain;
    private final FeedStore feeds;

    FeedWhy(ExplainArticle explain, FeedStore feeds) {
        this.explain = explain;
        this.feeds = feeds;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("why", "Why an article was or was not posted in a channel")
                .addOptions(new OptionData(OptionType.STRING, ARTICLE, "The article's link, or words of its title", true),
                        FeedOptions.channel("The channel to ask about (default: this one)"));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        Long chosen = FeedOptions.channelId(event);
        long channelId = chosen != null ? chosen : event.getChannel().getIdLong();
        ExplainArticle.Answer answer = explain.run(event.getGuild().getIdLong(), channelId, FeedOptions.string(event, ARTICLE));
        if (answer.matches().isEmpty()) {
            reply.text(BoundedText.cap("🔍 No article with " + answer.searched() + " among the " + answer.feeds()
                    + (answer.feeds() == 1 ? " feed" : " feeds") + " <#" + channelId + "> subscribes to. Articles are kept "
                    + "for retention.articles and an article of a feed this channel does not follow is not searched; "
                    + "try the article's exact link or fewer title words."));
            return;
        }
        if (answer.matches().size() == 1) {
            ExplainArticle.Match match = answer.matches().get(0);
            reply.text(BoundedText.cap(icon(match.verdict()) + " " + heading(match.article()) + " in <#" + channelId + ">\n"
                    + match.verdict().text()));
            return;
        }
        BoundedText text = new BoundedText("articles");
        text.heading("🔍 " + answer.matches().size() + " articles match " + answer.searched() + " in <#" + channelId
                + ">, newest first (give the link to ask about one):");
        for (ExplainArticle.Match match : answer.matches()) {
            text.entry("• " + heading(match.article()) + " — " + icon(match.verdict()) + " " + match.verdict().text());
        }
        reply.text(text.text());
    }

    private String heading(StoredArticle article) {
        String title = article.article().title() == null ? "(untitled)" : article.article().title();
        String feed = feeds.findById(article.feedId()).map(FeedRecord::label).orElse("feed " + article.feedId());
        return "**" + DiscordMarkdown.escape(title) + "** (" + DiscordMarkdown.escape(feed) + ", first seen "
                + FeedStatusReport.timestamp(article.firstSeenAt(), "?") + ")";
    }

    private static String icon(PostVerdict verdict) {
        return switch (verdict.kind()) {
            case POSTED -> "✅";
            case WAITING -> "⏳";
            case MERGED -> "🔗";
            case PAUSED -> "⏸️";
            case FAILED -> "❌";
            default -> "🚫";
        };
    }
}
