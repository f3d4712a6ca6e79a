package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WebSub discovery (W3C WebSub §4): hub and self links from Atom, RSS and {@code Link:} headers. */
class HubLinkReaderTest {
    private final FeedParser parser = new FeedParser(ArticleLanguage.NONE);

    private HubLinks parse(String xml, String url) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", url).feed().hubs();
    }

    @Test
    void atomFeedLinksNameTheHubsAndTheTopic() throws Exception {
        HubLinks links = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-12-01T00:00:00Z</updated>
                  <link rel="alternate" href="https://blog.example/"/>
                  <link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
                  <link rel="hub" href="/local-hub"/>
                  <link rel="self" href="https://blog.example/feed.atom"/>
                  <entry><id>urn:e</id><title>E</title><updated>2026-12-01T00:00:00Z</updated></entry>
                </feed>""", "https://blog.example/atom");
        assertThat(links.hubs()).containsExactly("https://pubsubhubbub.appspot.com/", "https://blog.example/local-hub");
        assertThat(links.self()).isEqualTo("https://blog.example/feed.atom");
    }

    @Test
    void rssChannelAtomLinksCount() throws Exception {
        HubLinks links = parse("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>https://n.example/</link>
                  <atom:link rel="self" href="https://n.example/rss" type="application/rss+xml"/>
                  <atom:link rel="hub" href="https://hub.example/"/>
                  <item><title>I</title><guid>g</guid></item></channel></rss>""", "https://n.example/rss");
        assertThat(links).isEqualTo(new HubLinks(List.of("https://hub.example/"), "https://n.example/rss"));
    }

    @Test
    void aFeedWithoutHubAdvertisesNothingAndNonHttpHubsAreIgnored() throws Exception {
        HubLinks links = parse("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
                  <atom:link rel="hub" href="javascript:alert(1)"/>
                  <item><title>I</title><guid>g</guid></item></channel></rss>""", "https://n.example/rss");
        assertThat(links.advertised()).isFalse();
    }

    @Test
    void linkHeadersNameHubsAndSelf() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Link", List.of(
                "<https://hub.example/>; rel=\"hub\", <https://n.example/feed>; rel=self",
                "<https://n.example/>; rel=\"alternate\"", "</second-hub>; rel=\"hub other\"")), (a, b) -> true);
        HubLinks links = HubLinkReader.fromHeaders(headers, URI.create("https://n.example/rss"));
        assertThat(links.hubs()).containsExactly("https://hub.example/", "https://n.example/second-hub");
        assertThat(links.self()).isEqualTo("https://n.example/feed");
    }

    @Test
    void headerLinksComeFirstAndTheDocumentFillsTheGaps() {
        HubLinks header = new HubLinks(List.of("https://a.example/"), null);
        HubLinks document = new HubLinks(List.of("https://b.example/", "https://a.example/"), "https://n.example/self");
        assertThat(header.or(document)).isEqualTo(new HubLinks(List.of("https://a.example/", "https://b.example/"), "https://n.example/self"));
    }
}
