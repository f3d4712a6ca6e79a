package io.github.tldrbot.discord.commands;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A local web site with fixed pages (content type + body per path); other paths answer 404. */
final class StaticSite implements AutoCloseable {
    private record Page(String contentType, String body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    StaticSite() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Page page = pages.get(request.getUrl().encodedPath());
                if (page == null) {
                    return new MockResponse.Builder().code(404).body("not found").build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", page.contentType()).body(page.body()).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    StaticSite page(String path, String contentType, String body) {
        pages.put(path, new Page(contentType, body));
        return this;
    }

    String url(String path) {
        return server.url(path).toString();
    }

    int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
