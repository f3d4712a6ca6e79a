package io.github.tldrbot.discord;

import io.github.tldrbot.store.ChannelWebhook;
import io.github.tldrbot.store.ChannelWebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.IncomingWebhookClient;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one webhook the bot posts through in a channel (SPEC §6.5): the stored one, else one the bot
 * made there earlier (found in the channel's webhook list, e.g. after the store was restored), else
 * a new one named {@value #NAME}. Each subscription then posts through it with its own name and
 * avatar, so a channel never collects one webhook per subscription (Discord allows 15). The token
 * is a secret and is never logged.
 */
final class ChannelWebhooks {
    private static final Logger log = LoggerFactory.getLogger(ChannelWebhooks.class);
    static final String NAME = "tldr-bot";

    private final ChannelWebhookStore store;
    private final Clock clock;
    private final Duration timeout;

    ChannelWebhooks(ChannelWebhookStore store, Clock clock, Duration timeout) {
        this.store = store;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The stored webhook of the channel, if any (an edit goes through the webhook that posted). */
    Optional<ChannelWebhook> stored(long channelId) {
        return store.find(channelId);
    }

    /** The channel's webhook, made when there is none; needs Manage Webhooks only to find or make one. */
    ChannelWebhook obtain(IWebhookContainer channel) throws ExecutionException, TimeoutException, InterruptedException {
        Optional<ChannelWebhook> known = store.find(channel.getIdLong());
        if (known.isPresent()) {
            return known.get();
        }
        long self = channel.getJDA().getSelfUser().getIdLong();
        List<Webhook> existing = channel.retrieveWebhooks().submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Optional<Webhook> ours = existing.stream()
                .filter(w -> w.getToken() != null && NAME.equals(w.getName()) && w.getOwnerAsUser() != null
                        && w.getOwnerAsUser().getIdLong() == self)
                .findFirst();
        Webhook webhook = ours.isPresent() ? ours.get()
                : channel.createWebhook(NAME).submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ChannelWebhook made = new ChannelWebhook(channel.getIdLong(), webhook.getIdLong(), webhook.getToken());
        store.save(made, clock.instant());
        log.info("channel webhook {}: channel={} webhook={}", ours.isPresent() ? "found" : "created", channel.getId(), webhook.getId());
        return made;
    }

    /** Forgets a webhook Discord no longer knows (someone deleted it), so the next {@link #obtain} makes a new one. */
    void forget(ChannelWebhook webhook) {
        if (store.forget(webhook.channelId(), webhook.webhookId())) {
            log.info("channel webhook deleted on Discord; a new one is made: channel={} webhook={}", webhook.channelId(),
                    webhook.webhookId());
        }
    }

    static IncomingWebhookClient client(IWebhookContainer channel, ChannelWebhook webhook) {
        return WebhookClient.createClient(channel.getJDA(), Long.toString(webhook.webhookId()), webhook.token());
    }
}
