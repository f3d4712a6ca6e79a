package io.github.tldrbot.discord;

import io.github.tldrbot.store.ChannelWebhook;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a card the bot posted earlier for an article link, to settle a send a crash left in doubt
 * (SPEC §6.2): among the channel's recent messages by the bot or by the bot's webhook there, or,
 * in a forum, among the first messages of its newest posts the bot knows.
 */
final class RecentCards {
    private static final Logger log = LoggerFactory.getLogger(RecentCards.class);
    /** How many recent messages are searched to settle an old doubt. */
    private static final int HISTORY_DEPTH = 100;
    /** How many of a forum's newest posts are opened. */
    private static final int FORUM_POSTS = 25;

    private final ChannelWebhooks webhooks;
    private final Duration timeout;

    RecentCards(ChannelWebhooks webhooks, Duration timeout) {
        this.webhooks = webhooks;
        this.timeout = timeout;
    }

    Optional<String> find(GuildChannel channel, String articleLink) {
        if (articleLink == null || channel == null
                || !channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_HISTORY)) {
            return Optional.empty();
        }
        try {
            if (channel instanceof ForumChannel forum) {
                return inForum(forum, articleLink);
            }
            if (!(channel instanceof GuildMessageChannel messages)) {
                return Optional.empty();
            }
            long self = channel.getJDA().getSelfUser().getIdLong();
            long hook = webhooks.stored(channel.getIdLong()).map(ChannelWebhook::webhookId).orElse(-1L);
            List<Message> recent = messages.getHistory().retrievePast(HISTORY_DEPTH)
                    .submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (Message m : recent) {
                long author = m.getAuthor().getIdLong();
                if ((author == self || author == hook) && isCardFor(m, articleLink)) {
                    return Optional.of(m.getId());
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("cannot read the history of channel={}: {}", channel.getId(), e.toString());
            return Optional.empty();
        }
    }

    /** A forum post's first message has the post's id. */
    private Optional<String> inForum(ForumChannel forum, String articleLink)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<ThreadChannel> posts = forum.getThreadChannels().stream()
                .sorted(Comparator.comparingLong(ThreadChannel::getIdLong).reversed()).limit(FORUM_POSTS).toList();
        for (ThreadChannel post : posts) {
            Message first = post.retrieveMessageById(post.getId()).submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (isCardFor(first, articleLink)) {
                return Optional.of(first.getId());
            }
        }
        return Optional.empty();
    }

    private static boolean isCardFor(Message m, String articleLink) {
        for (MessageEmbed embed : m.getEmbeds()) {
            if (articleLink.equals(embed.getUrl())) {
                return true;
            }
        }
        return false;
    }
}
