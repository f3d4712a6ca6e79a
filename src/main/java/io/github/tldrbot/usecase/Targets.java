package io.github.tldrbot.usecase;

import io.github.tldrbot.config.WebhookConfig;
import io.github.tldrbot.config.WebhookStyle;
import io.github.tldrbot.store.SubscriptionTarget;

/**
 * Where a subscription's cards go (SPEC §6.5), checked before anything is stored, with the same
 * rules for {@code /feed add}, {@code /feed filter} and the config file ({@link WebhookStyle}).
 * Whether the channel's kind allows a thread, and whether the bot may manage webhooks there, is
 * Discord's knowledge: the command checks it before calling the use case.
 */
public final class Targets {
    /** The {@code webhook-name} value that stops posting through the webhook. */
    public static final String NO_WEBHOOK = "none";

    private Targets() {
    }

    /**
     * @param webhookName   null: posted as the bot
     * @param webhookAvatar null: the webhook's default avatar; needs a name
     * @throws Refused naming the option and what to do
     */
    public static SubscriptionTarget validated(boolean thread, String webhookName, String webhookAvatar) throws Refused {
        String name = webhookName == null || webhookName.isBlank() ? null : webhookName.strip();
        String avatar = webhookAvatar == null || webhookAvatar.isBlank() ? null : webhookAvatar.strip();
        if (name == null) {
            if (avatar != null) {
                throw new Refused("webhook-avatar needs webhook-name: cards get an avatar only when posted through the webhook under a name.");
            }
            return new SubscriptionTarget(thread, null, null);
        }
        String nameProblem = WebhookStyle.nameProblem(name).orElse(null);
        if (nameProblem != null) {
            throw new Refused("webhook-name " + nameProblem + ".");
        }
        String avatarProblem = avatar == null ? null : WebhookStyle.avatarProblem(avatar).orElse(null);
        if (avatarProblem != null) {
            throw new Refused("webhook-avatar " + avatarProblem + ".");
        }
        return new SubscriptionTarget(thread, name, avatar);
    }

    /**
     * The target after {@code /feed filter}'s change: given values replace the current ones,
     * {@link #NO_WEBHOOK} stops the webhook.
     *
     * @throws Refused when the result is invalid
     */
    public static SubscriptionTarget validatedChange(SubscriptionTarget current, ChangeFilters.TargetChange change) throws Refused {
        boolean thread = change.thread() != null ? change.thread() : current.thread();
        String name = change.webhookName() != null ? change.webhookName() : current.webhookName();
        String avatar = change.webhookAvatar() != null ? change.webhookAvatar() : current.webhookAvatar();
        if (NO_WEBHOOK.equalsIgnoreCase(name == null ? "" : name.strip())) {
            if (change.webhookAvatar() != null) {
                throw new Refused("webhook-name:none posts as the bot again, which has no avatar to set; leave webhook-avatar out.");
            }
            return new SubscriptionTarget(thread, null, null);
        }
        return validated(thread, name, avatar);
    }

    /** A config entry's target (the loader has already checked its values). */
    static SubscriptionTarget of(boolean thread, WebhookConfig webhook) {
        return webhook == null ? new SubscriptionTarget(thread, null, null)
                : new SubscriptionTarget(thread, webhook.name(), webhook.avatar());
    }

    /** "thread per card · posted as “Radar”", or "" for a plain target (Discord markdown). */
    public static String describe(SubscriptionTarget target) {
        StringBuilder text = new StringBuilder();
        if (target.thread()) {
            text.append("a thread per card");
        }
        if (target.viaWebhook()) {
            text.append(text.isEmpty() ? "" : " · ").append("posted as **").append(target.webhookName().replace("*", "\\*"))
                    .append("**");
            if (target.webhookAvatar() != null) {
                text.append(" with avatar <").append(target.webhookAvatar()).append('>');
            }
        }
        return text.toString();
    }
}
