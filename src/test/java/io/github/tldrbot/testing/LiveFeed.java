package io.github.tldrbot.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An RSS feed on a local HTTP server whose items a test adds while the bot polls it. Items are
 * served newest first, as real feeds do. Their links point at the same server, which answers 404
 * for them: the bot reads the article pages of teaser feeds, and a test must never reach the
 * internet (and must not get a real page's text into its cards).
 */
public final class LiveFeed implements AutoCloseable {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One item; {@code categories} may be empty. */
    public record Item(String id, String title, String text, Instant published, List<String> categories) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Item> items = new ArrayList<>();
    private final String title;
    private volatile String hubUrl;

    public LiveFeed(String title) throws IOException {
        this.title = title;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().startsWith("/articles/")) {
                    return new MockResponse.Builder().code(404).build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .body(document()).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public String url() {
        return server.url("/feed.xml").toString();
    }

    /** From now on the feed advertises {@code hub} ({@code atom:link rel="hub"}) with its own URL as {@code rel="self"}. */
    public LiveFeed advertiseHub(String hub) {
        this.hubUrl = hub;
        return this;
    }

    /** The document as served now (what a hub pushes). */
    public String body() {
        return document();
    }

    public String link(String id) {
        return server.url("/articles/" + id).toString();
    }

    /**
     * Publishes an item dated an hour ago, and at least a second after any item added before it to any
     * live feed (pubDate has whole seconds): items added one after another are published in that order,
     * across feeds too.
     */
    /** Requests the server has answered so far (feed and article pages). */
    public int requests() {
        return server.getRequestCount();
    }

    public synchronized LiveFeed add(String id, String title, String text, String... categories) {
        items.add(new Item(id, title, text, nextPublished(), List.of(categories)));
        return this;
    }

    private static Instant lastPublished = Instant.EPOCH;

    private static synchronized Instant nextPublished() {
        Instant hourAgo = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        lastPublished = hourAgo.isAfter(lastPublished) ? hourAgo : lastPublished.plusSeconds(1);
        return lastPublished;
    }

    private synchronized String document() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"")
                .append(hubUrl == null ? "" : " xmlns:atom=\"http://www.w3.org/2005/Atom\"").append("><channel><title>")
                .append(title).append("</title><link>https://news.example.org/</link>");
        if (hubUrl != null) {
            sb.append("<atom:link rel=\"hub\" href=\"").append(escape(hubUrl)).append("\"/><atom:link rel=\"self\" href=\"")
                    .append(escape(url())).append("\"/>");
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            sb.append("<item><title>").append(escape(item.title())).append("</title><link>").append(link(item.id()))
                    .append("</link><guid>").append(item.id()).append("</guid><pubDate>").append(RFC_1123.format(item.published()))
                    .append("</pubDate>");
            for (String c : item.categories()) {
                sb.append("<category>").append(escape(c)).append("</category>");
            }
            sb.append("<description>").append(escape(item.text())).append("</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
