package io.github.tldrbot.config;

/**
 * Reads where a {@code feeds:} entry's cards go (SPEC §3, §6.5): {@code thread: true} and
 * {@code webhook: {name, avatar?}}. Apart from {@link ConfigLoader} so the loader stays the list
 * of sections; unknown keys inside {@code webhook} are errors naming the key, like everywhere.
 */
final class FeedTargetReader {
    private FeedTargetReader() {
    }

    static boolean thread(ConfigSection entry) {
        return entry.bool("thread", false);
    }

    /** The entry's webhook, or null when it has none. */
    static WebhookConfig webhook(ConfigSection entry) {
        if (entry.raw("webhook") == null) {
            return null;
        }
        ConfigSection w = entry.section("webhook");
        String name = w.string("name", null);
        WebhookStyle.nameProblem(name).ifPresent(problem -> {
            throw new ConfigException(w.key("name") + ": " + (name == null ? "missing; a webhook needs the name its cards are posted under"
                    : problem));
        });
        String avatar = w.string("avatar", null);
        if (avatar != null) {
            WebhookStyle.avatarProblem(avatar).ifPresent(problem -> {
                throw new ConfigException(w.key("avatar") + ": " + problem);
            });
        }
        w.finish();
        return new WebhookConfig(name.strip(), avatar == null ? null : avatar.strip());
    }
}
