package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {
    private final FeedDiscovery discovery = new FeedDiscovery();
    private final URI page = URI.create("https://blog.example.org/posts/hello");

    private static byte[] html(String head) {
        return ("<!DOCTYPE html><html><head>" + head + "</head><body><p>x</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsRssAndAtomLinksResolvedAgainstThePageInDocumentOrder() {
        byte[] body = html("""
                <link rel="stylesheet" type="text/css" href="/style.css">
                <link rel="alternate" type="application/atom+xml" href="../atom.xml">
                <link rel="ALTERNATE home" type="Application/RSS+XML; charset=utf-8" href="https://feeds.example.org/rss">
                <link rel="alternate" type="application/atom+xml" href="/atom.xml">
                <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                """);
        assertThat(discovery.discover(body, page)).containsExactly(URI.create("https://blog.example.org/atom.xml"),
                URI.create("https://feeds.example.org/rss"));
    }

    @Test
    void honoursBaseHref() {
        byte[] body = html("<base href=\"https://cdn.example.net/site/\"><link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">");
        assertThat(discovery.discover(body, page)).containsExactly(URI.create("https://cdn.example.net/site/feed.xml"));
    }

    @Test
    void aPageWithoutFeedLinksHasNone() {
        assertThat(discovery.discover(html("<title>No feed</title>"), page)).isEmpty();
        assertThat(discovery.discover("not even html".getBytes(StandardCharsets.UTF_8), page)).isEmpty();
    }

    @Test
    void tellsPagesFromFeeds() {
        byte[] rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(discovery.isHtmlPage(html(""), "text/html; charset=utf-8")).isTrue();
        assertThat(discovery.isHtmlPage(rss, "application/rss+xml")).isFalse();
        assertThat(discovery.isHtmlPage(rss, "text/xml")).isFalse();
        assertThat(discovery.isHtmlPage(html(""), null)).isTrue();
        assertThat(discovery.isHtmlPage(html(""), "application/octet-stream")).isTrue();
        assertThat(discovery.isHtmlPage(rss, null)).isFalse();
        byte[] bomHtml = ("\uFEFF  <html><head></head></html>").getBytes(StandardCharsets.UTF_8);
        assertThat(discovery.isHtmlPage(bomHtml, "")).isTrue();
    }
}
