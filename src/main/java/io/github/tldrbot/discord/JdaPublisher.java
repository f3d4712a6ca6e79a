package io.github.tldrbot.discord;

import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.delivery.Publisher;
import io.github.tldrbot.delivery.SendResult;
import io.github.tldrbot.store.ChannelWebhookStore;
import io.github.tldrbot.store.SubscriptionTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.NewsChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Publisher} over JDA. Sends go through JDA's REST rate limiter (per-route buckets, the
 * {@code X-RateLimit-*} headers), so pacing to Discord's per-channel limit is JDA's job; this class
 * turns every answer into a {@link SendResult}: 403/404 and missing permissions are
 * {@link SendResult.Refused}, 5xx and timeouts {@link SendResult.RetryLater}.
 *
 * <p>Channels and guilds are looked up through the shard manager, on whichever of this process's
 * shards has them. The delivery worker sends here only cards of its own shards' guilds (SPEC §13),
 * so a channel missing from these shards is one that is gone — unless a shard is still
 * (re)connecting, which is a reason to wait, never to pause. Where in the channel a card goes
 * (announcement, forum post, thread, webhook) is {@link CardPoster}'s job.
 */
public final class JdaPublisher implements Publisher {
    private static final Logger log = LoggerFactory.getLogger(JdaPublisher.class);

    private final ShardManager shards;
    private final Function<OutgoingMessage, MessageCreateData> render;
    private final Duration sendTimeout;
    private final ChannelWebhooks webhooks;
    private final CardPoster poster;
    private final RecentCards recent;

    /**
     * @param render      builds the message (embed, role mentions, allowed mentions) for a card
     * @param sendTimeout how long one send may take, including JDA's rate-limit waits
     * @param webhooks    the webhooks the bot made, one per channel (posts under a subscription's name)
     */
    public JdaPublisher(ShardManager shards, Function<OutgoingMessage, MessageCreateData> render, Duration sendTimeout,
                        ChannelWebhookStore webhooks) {
        this.shards = shards;
        this.render = render;
        this.sendTimeout = sendTimeout;
        this.webhooks = new ChannelWebhooks(webhooks, Clock.systemUTC(), sendTimeout);
        this.poster = new CardPoster(this.webhooks, sendTimeout);
        this.recent = new RecentCards(this.webhooks, sendTimeout);
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        Optional<String> stopped = stopped();
        if (stopped.isPresent()) {
            return new SendResult.RetryLater(stopped.get(), null);
        }
        GuildChannel channel = shards.getGuildChannelById(message.channelId());
        if (channel == null) {
            return missingChannel(message.channelId());
        }
        if (!postable(channel)) {
            return new SendResult.Refused("#" + channel.getName() + " is a " + channel.getType()
                    + " channel; cards are posted in text, announcement or forum channels");
        }
        Optional<String> missing = missingPermissions(channel);
        if (missing.isPresent()) {
            return new SendResult.Refused(missing.get());
        }
        try {
            return new SendResult.Sent(poster.post(channel, message, render.apply(message)));
        } catch (ExecutionException e) {
            return fromFailure(e.getCause(), message);
        } catch (TimeoutException e) {
            return new SendResult.RetryLater("no answer from Discord within " + sendTimeout.toSeconds() + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.RetryLater("interrupted while sending (shutting down)", null);
        } catch (InsufficientPermissionException e) {
            return new SendResult.Refused("the bot lacks the " + e.getPermission().getName() + " permission in #" + channel.getName());
        } catch (RuntimeException e) {
            log.warn("unexpected failure sending to channel={}: {}", message.channelId(), e.toString());
            return new SendResult.RetryLater("unexpected failure: " + e.getClass().getSimpleName(), null);
        }
    }

    @Override
    public SendResult edit(long channelId, String messageId, OutgoingMessage message) {
        GuildChannel channel = shards.getGuildChannelById(channelId);
        if (channel == null) {
            return missingChannel(channelId);
        }
        if (!postable(channel)) {
            return new SendResult.Refused("#" + channel.getName() + " is not a text, announcement or forum channel");
        }
        try {
            return poster.edit(channel, messageId, message, render.apply(message)) ? new SendResult.Sent(messageId)
                    : new SendResult.Gone("the card can no longer be edited: its forum post or webhook is gone");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException error && (error.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE
                    || error.getErrorResponse() == ErrorResponse.INVALID_AUTHOR_EDIT)) {
                // INVALID_AUTHOR_EDIT: the subscription switched between bot and webhook after the card went out
                return new SendResult.Gone("the message was deleted");
            }
            return fromFailure(e.getCause(), message);
        } catch (TimeoutException e) {
            return new SendResult.RetryLater("no answer from Discord within " + sendTimeout.toSeconds() + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.RetryLater("interrupted while editing (shutting down)", null);
        } catch (InsufficientPermissionException e) {
            return new SendResult.Refused("the bot lacks the " + e.getPermission().getName() + " permission in #" + channel.getName());
        } catch (RuntimeException e) {
            log.warn("unexpected failure editing in channel={}: {}", channelId, e.toString());
            return new SendResult.RetryLater("unexpected failure: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Why nothing can be sent now when a shard is stopping or stopped; empty while they all run. */
    private Optional<String> stopped() {
        for (JDA shard : shards.getShards()) {
            JDA.Status status = shard.getStatus();
            if (status == JDA.Status.SHUTTING_DOWN || status == JDA.Status.SHUTDOWN || status == JDA.Status.FAILED_TO_LOGIN) {
                return Optional.of("the Discord client is " + status);
            }
        }
        return Optional.empty();
    }

    /** A channel none of the shards has: gone, unless a shard's cache is incomplete while it (re)connects. */
    private SendResult missingChannel(long channelId) {
        for (JDA shard : shards.getShards()) {
            if (shard.getStatus() != JDA.Status.CONNECTED) {
                return new SendResult.RetryLater("not connected to Discord (shard " + shard.getShardInfo().getShardId()
                        + " " + shard.getStatus() + ")", null);
            }
        }
        return new SendResult.Refused("unknown channel " + channelId + ": it was deleted or the bot is not in its server");
    }

    @Override
    public boolean recognisesRepeats(long channelId, SubscriptionTarget target) {
        // Discord ignores the nonce of a webhook execute and of a forum post
        return !target.viaWebhook() && !(shards.getGuildChannelById(channelId) instanceof ForumChannel);
    }

    /** The kinds of channel a card can go to (SPEC §6.5). */
    private static boolean postable(GuildChannel channel) {
        return channel instanceof TextChannel || channel instanceof NewsChannel || channel instanceof ForumChannel;
    }

    private static Optional<String> missingPermissions(GuildChannel channel) {
        List<Permission> lacking = ChannelAccess.missing(channel);
        return lacking.isEmpty() ? Optional.empty()
                : Optional.of("the bot lacks " + ChannelAccess.names(lacking) + " in #" + channel.getName());
    }

    private static SendResult fromFailure(Throwable cause, OutgoingMessage message) {
        if (cause instanceof ErrorResponseException e) {
            ErrorResponse response = e.getErrorResponse();
            if (response == ErrorResponse.MISSING_ACCESS || response == ErrorResponse.MISSING_PERMISSIONS
                    || response == ErrorResponse.UNKNOWN_CHANNEL) {
                return new SendResult.Refused("Discord answered " + e.getErrorCode() + " " + e.getMeaning());
            }
            return new SendResult.RetryLater("Discord answered " + e.getErrorCode() + " " + e.getMeaning(), null);
        }
        if (cause instanceof InsufficientPermissionException e) {
            return new SendResult.Refused("the bot lacks the " + e.getPermission().getName() + " permission");
        }
        log.debug("send to channel={} failed", message.channelId(), cause);
        return new SendResult.RetryLater(cause == null ? "unknown failure" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
    }

    @Override
    public Optional<String> findRecentMessage(long channelId, String articleLink) {
        return recent.find(shards.getGuildChannelById(channelId), articleLink);
    }

    @Override
    public Optional<Long> guildOf(long channelId) {
        GuildChannel channel = shards.getGuildChannelById(channelId); // forums too: they are no message channels
        return channel == null ? Optional.empty() : Optional.of(channel.getGuild().getIdLong());
    }

    @Override
    public boolean announce(long guildId, long preferredChannelId, String text) {
        Guild guild = shards.getGuildById(guildId);
        if (guild == null) {
            return false;
        }
        GuildMessageChannel preferred = shards.getChannelById(GuildMessageChannel.class, preferredChannelId);
        if (preferred != null && preferred.getGuild().getIdLong() == guildId && canTalk(preferred) && post(preferred, text)) {
            return true;
        }
        // The channel that failed is usually the one that refuses us: fall back to the system channel.
        GuildMessageChannel system = guild.getSystemChannel();
        return system != null && system.getIdLong() != preferredChannelId && canTalk(system) && post(system, text);
    }

    private boolean post(GuildMessageChannel target, String text) {
        try {
            target.sendMessage(new MessageCreateBuilder().setContent(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build())
                    .submit().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("cannot post a notice in guild={} channel={}: {}", target.getGuild().getId(), target.getId(), e.toString());
            return false;
        }
    }

    private static boolean canTalk(GuildMessageChannel channel) {
        return channel.canTalk();
    }
}
