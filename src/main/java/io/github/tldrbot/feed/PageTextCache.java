package io.github.tldrbot.feed;

import java.util.Optional;

/**
 * What reading each article's web page gave, by the article's URL, so a page is fetched at most once
 * however many polls, restarts or feeds post the same article. Failures are remembered as well
 * ({@link PageText.Missing}): a page that timed out or is not HTML is not fetched again.
 */
public interface PageTextCache {
    Optional<PageText> find(String url);

    void put(String url, PageText text);

    /** No caching (the {@code preview} command stores nothing). */
    PageTextCache NONE = new PageTextCache() {
        @Override
        public Optional<PageText> find(String url) {
            return Optional.empty();
        }

        @Override
        public void put(String url, PageText text) {
        }
    };
}
