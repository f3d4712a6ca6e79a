package io.github.tldrbot.discord;

import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.store.ChannelWebhook;
import io.github.tldrbot.store.SubscriptionTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.NewsChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.ThreadCreateMetadata;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts and edits one card where its subscription points (SPEC §6.5): a text channel; an
 * announcement channel, where the card is then published to following servers; a forum, where it
 * is the first message of its own post, titled by the story and tagged with its audiences; a text
 * channel with {@code thread: true}, where the card starts a thread. Any of these through the
 * channel's webhook under the subscription's name and avatar. Returns the card message's id (in a
 * forum also the post's id: Discord gives a post's first message the thread's id).
 *
 * <p>Publishing and starting the thread come after the card is accepted, so a failure there never
 * posts the card twice: it is logged, and a repeat after a crash finds them done (Discord answers
 * "already crossposted" / "thread already created", which count as done).
 */
final class CardPoster {
    private static final Logger log = LoggerFactory.getLogger(CardPoster.class);

    private final ChannelWebhooks webhooks;
    private final Duration timeout;

    CardPoster(ChannelWebhooks webhooks, Duration timeout) {
        this.webhooks = webhooks;
        this.timeout = timeout;
    }

    String post(GuildChannel channel, OutgoingMessage message, MessageCreateData data)
            throws ExecutionException, TimeoutException, InterruptedException {
        SubscriptionTarget target = message.target();
        Message sent;
        if (target.viaWebhook()) {
            sent = viaWebhook((IWebhookContainer) channel, message, data);
        } else if (channel instanceof ForumChannel forum) {
            ForumPost post = await(forum.createForumPost(ForumPostTitle.of(message), data).setTags(tags(forum, message)));
            return post.getMessage().getId();
        } else {
            sent = await(((GuildMessageChannel) channel).sendMessage(data).setNonce(message.nonce()));
        }
        if (channel instanceof NewsChannel news) {
            publish(news, sent.getId());
        } else if (channel instanceof TextChannel text && target.thread()) {
            startThread(text, sent.getId(), ForumPostTitle.of(message));
        }
        return sent.getId();
    }

    /**
     * Writes the card over the message posted earlier, the way it was posted (through the webhook
     * with {@code thread_id} in a forum). False when the message cannot be reached any more: the
     * webhook that posted it is gone (only it may edit its messages), or the forum post is not among
     * the bot's known threads (deleted, or archived while the bot was away).
     */
    boolean edit(GuildChannel channel, String messageId, OutgoingMessage message, MessageCreateData data)
            throws ExecutionException, TimeoutException, InterruptedException {
        MessageEditData edit = MessageEditData.fromCreateData(data);
        if (message.target().viaWebhook()) {
            ChannelWebhook webhook = webhooks.stored(channel.getIdLong()).orElse(null);
            if (webhook == null) {
                return false;
            }
            var action = ChannelWebhooks.client((IWebhookContainer) channel, webhook).editMessageById(messageId, edit);
            try {
                await(channel instanceof ForumChannel ? action.setThreadId(messageId) : action);
            } catch (ExecutionException e) {
                if (is(e, ErrorResponse.UNKNOWN_WEBHOOK)) {
                    webhooks.forget(webhook);
                    return false;
                }
                throw e;
            }
        } else if (channel instanceof ForumChannel forum) {
            ThreadChannel post = forum.getGuild().getThreadChannelById(messageId);
            if (post == null) {
                return false;
            }
            await(post.editMessageById(messageId, edit));
        } else {
            await(((GuildMessageChannel) channel).editMessageById(messageId, edit));
        }
        return true;
    }

    /** Through the channel's webhook; a webhook someone deleted is made again, once. */
    private Message viaWebhook(IWebhookContainer channel, OutgoingMessage message, MessageCreateData data)
            throws ExecutionException, TimeoutException, InterruptedException {
        ChannelWebhook webhook = webhooks.obtain(channel);
        try {
            return await(webhookPost(channel, webhook, message, data));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ErrorResponseException error) || error.getErrorResponse() != ErrorResponse.UNKNOWN_WEBHOOK) {
                throw e;
            }
            webhooks.forget(webhook);
            return await(webhookPost(channel, webhooks.obtain(channel), message, data));
        }
    }

    private static WebhookMessageCreateAction<Message> webhookPost(IWebhookContainer channel, ChannelWebhook webhook,
                                                                   OutgoingMessage message, MessageCreateData data) {
        SubscriptionTarget target = message.target();
        WebhookMessageCreateAction<Message> action = ChannelWebhooks.client(channel, webhook).sendMessage(data)
                .setUsername(target.webhookName()).setAvatarUrl(target.webhookAvatar());
        if (channel instanceof ForumChannel forum) {
            action = action.createThread(new ThreadCreateMetadata(ForumPostTitle.of(message)).addTags(tags(forum, message)));
        }
        return action;
    }

    private static List<ForumTag> tags(ForumChannel forum, OutgoingMessage message) {
        return ForumPostTitle.tags(forum.getAvailableTags(), message.card().whoShouldCare());
    }

    private void publish(NewsChannel channel, String messageId) throws InterruptedException {
        try {
            await(channel.crosspostMessageById(messageId));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!is(e, ErrorResponse.ALREADY_CROSSPOSTED)) {
                log.warn("card posted but not published to followers: channel={} message={} error={}", channel.getId(), messageId,
                        cause(e));
            }
        }
    }

    private void startThread(TextChannel channel, String messageId, String name) throws InterruptedException {
        try {
            await(channel.createThreadChannel(name, messageId));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!is(e, ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS)) {
                log.warn("card posted but its thread not started: channel={} message={} error={}", channel.getId(), messageId,
                        cause(e));
            }
        }
    }

    private static boolean is(Exception e, ErrorResponse response) {
        return e.getCause() instanceof ErrorResponseException error && error.getErrorResponse() == response;
    }

    private static String cause(Exception e) {
        return (e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e).toString();
    }

    private <T> T await(RestAction<T> action) throws ExecutionException, TimeoutException, InterruptedException {
        return action.submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
