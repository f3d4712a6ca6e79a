package io.github.tldrbot.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void spellingsOfOnePageCompareEqual() {
        assertThat(CanonicalUrl.of("https://www.example.com/a/b/?utm_source=rss&id=7#top"))
                .contains("example.com/a/b?id=7")
                .isEqualTo(CanonicalUrl.of("http://example.com/a/b?id=7"))
                .isEqualTo(CanonicalUrl.of("https://m.example.com/a/b/amp?fbclid=1&id=7"));
    }

    @Test
    void badLinksGiveNothing() {
        assertThat(CanonicalUrl.of(null)).isEmpty();
        assertThat(CanonicalUrl.of("  ")).isEmpty();
        assertThat(CanonicalUrl.of("not a url")).isEmpty();
        assertThat(CanonicalUrl.of("mailto:a@example.com")).isEmpty();
        assertThat(CanonicalUrl.of("http://exa mple.com/x")).isEmpty();
    }

    @Test
    void frontPagesAreRecognised() {
        assertThat(CanonicalUrl.isFrontPage(CanonicalUrl.of("https://www.example.com/").orElseThrow())).isTrue();
        assertThat(CanonicalUrl.isFrontPage(CanonicalUrl.of("https://example.com/news/1").orElseThrow())).isFalse();
        assertThat(CanonicalUrl.host("example.com/news/1")).isEqualTo("example.com");
    }
}
