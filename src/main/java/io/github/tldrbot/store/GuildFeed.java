package io.github.tldrbot.store;

/** A feed some channel of a guild subscribes to, for pickers such as {@code /recap feed:}. */
public record GuildFeed(long id, String title, String url) {
    /** The title, else the URL: what a person recognises. */
    public String name() {
        return title != null && !title.isBlank() ? title : url;
    }
}
