package io.github.tldrbot.feed;

/** HTTP cache validators from the last response, sent back as If-None-Match / If-Modified-Since. Both may be null. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
}
