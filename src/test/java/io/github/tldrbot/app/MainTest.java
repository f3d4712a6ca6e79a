package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of SPEC §2: outputs, exit codes and one-line errors. */
class MainTest {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
              <title>Example AI News</title><link>https://news.example.org/</link>
              <item>
                <title>Acme releases Widget 2.0 with a new API</title>
                <link>https://news.example.org/widget-2</link>
                <guid>widget-2</guid>
                <pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>
                <category>Developers</category>
                <description><![CDATA[<p>Acme released <b>Widget 2.0</b> today. The new API makes integrations
                  twice as fast, which means developers can ship sooner. Download it from
                  https://acme.example.org/download and read the migration guide.</p>]]></description>
              </item>
              <item>
                <title>Critical vulnerability CVE-2026-1234 patched in Gizmo</title>
                <link>/gizmo-cve</link>
                <description>A remote code execution flaw in Gizmo was fixed. Update to 3.1.2 now to stay safe.</description>
              </item>
            </channel></rss>
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path allowLocalConfig() throws Exception {
        return file("local.yaml", "fetch: {allowPrivateNetworks: true, timeout: 5s}\n");
    }

    @Test
    void previewOfALocalFilePrintsCards() throws Exception {
        int code = run("preview", file("feed.xml", RSS).toString());
        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(out.toString())
                .contains("Example AI News")
                .contains("Acme releases Widget 2.0 with a new API")
                .contains("Critical vulnerability CVE-2026-1234 patched in Gizmo")
                .doesNotContain("<p>").doesNotContain("<b>");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void previewJsonFollowsTheDocumentedShape() throws Exception {
        int code = run("preview", file("feed.xml", RSS).toString(), "--json", "--limit", "0");
        assertThat(code).as(err.toString()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.path("feed").path("title").asText()).isEqualTo("Example AI News");
        assertThat(root.path("feed").path("format").asText()).isEqualTo("rss_2.0");
        JsonNode articles = root.path("articles");
        assertThat(articles).hasSize(2);
        JsonNode first = articles.get(0);
        for (String field : new String[] {"id", "guid", "title", "link", "published", "updated", "author", "categories", "summary", "lang", "image", "card"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.path("guid").asText()).isEqualTo("widget-2");
        assertThat(first.path("published").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(first.path("author").isNull()).isTrue();
        assertThat(first.path("categories").get(0).asText()).isEqualTo("Developers");
        assertThat(first.path("summary").asText()).startsWith("Acme released Widget 2.0 today.");
        assertThat(first.path("lang").asText()).isEqualTo("en");
        JsonNode card = first.path("card");
        assertThat(card.path("tldr").asText()).isNotBlank();
        assertThat(card.path("summarizer").asText()).isEqualTo("extractive");
        assertThat(card.path("whoShouldCare").isArray()).isTrue();
        assertThat(card.path("keyTakeaways").isArray()).isTrue();
        JsonNode second = articles.get(1);
        assertThat(second.path("guid").isNull()).isTrue();
        assertThat(second.path("link").asText()).isEqualTo("https://news.example.org/gizmo-cve");
        assertThat(second.path("card").path("whoShouldCare").get(0).path("id").asText()).isEqualTo("security");
    }

    @Test
    void limitTakesTheFirstArticlesInDocumentOrder() throws Exception {
        run("preview", file("feed.xml", RSS).toString(), "--json", "--limit", "1");
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.path("articles")).hasSize(1);
        assertThat(root.path("articles").get(0).path("guid").asText()).isEqualTo("widget-2");
    }

    @Test
    void previewOverHttp() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/rss+xml").body(RSS).build());
        // never: the items link to news.example.org, which a test must not contact
        int code = run("preview", server.url("/feed").toString(), "--config", allowLocalConfig().toString(),
                "--full-text", "never");
        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("Acme releases Widget 2.0");
    }

    @Test
    void previewOverHttpReadsTheArticlePagesOfATeaserFeed() throws Exception {
        String feed = RSS.replace("https://news.example.org/widget-2", server.url("/widget-2").toString())
                .replace("<link>https://news.example.org/</link>", "<link>" + server.url("/") + "</link>");
        String page = "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Widget 2.0</h1>"
                + "<p>Acme released Widget 2.0 on Saturday after eighteen months of work, with a rewritten plugin API"
                + " that cuts the time to build an integration from days to hours.</p>"
                + "<p>Benchmarks published with the release show the new event loop handling 40,000 requests per second"
                + " on a single core, twice as many as version 1.9.</p>"
                + "<p>Version 1.x will receive security fixes until the end of 2027, the company said.</p></article>"
                + "<footer>© Acme</footer></body></html>";
        java.util.Map<String, Integer> hits = new java.util.concurrent.ConcurrentHashMap<>();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                hits.merge(path, 1, Integer::sum);
                return switch (path) {
                    case "/feed" -> new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml").body(feed).build();
                    case "/widget-2" -> new MockResponse.Builder().setHeader("Content-Type", "text/html").body(page).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });

        int code = run("preview", server.url("/feed").toString(), "--config", allowLocalConfig().toString(), "--json");

        assertThat(code).as(err.toString()).isEqualTo(0);
        JsonNode first = new ObjectMapper().readTree(out.toString()).path("articles").get(0);
        assertThat(first.path("summary").asText()).startsWith("Acme released Widget 2.0 today.");
        assertThat(first.path("card").toString()).contains("40,000 requests per second").doesNotContain("© Acme");
        assertThat(hits).containsEntry("/widget-2", 1).containsEntry("/gizmo-cve", 1);
    }

    @Test
    void previewOfALocalFileNeverReadsArticlePages() throws Exception {
        String feed = RSS.replace("https://news.example.org/widget-2", server.url("/widget-2").toString())
                .replace("<link>https://news.example.org/</link>", "<link>" + server.url("/") + "</link>");
        Path local = file("teasers.xml", feed);

        assertThat(run("preview", local.toString(), "--config", allowLocalConfig().toString())).as(err.toString()).isEqualTo(0);
        assertThat(server.getRequestCount()).isZero();

        assertThat(run("preview", local.toString(), "--full-text", "always")).isEqualTo(2);
        assertOneErrorLine().contains("--full-text").contains("http(s) SOURCE");
        err.getBuffer().setLength(0);
        assertThat(run("preview", server.url("/feed").toString(), "--full-text", "sometimes")).isEqualTo(2);
        assertOneErrorLine().contains("auto, always or never");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void httpErrorIsExitThree() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("nope").build());
        int code = run("preview", server.url("/missing").toString(), "--config", allowLocalConfig().toString());
        assertThat(code).isEqualTo(3);
        assertOneErrorLine().contains("404");
    }

    @Test
    void privateAddressIsRefusedByDefaultWithAHint() {
        int code = run("preview", server.url("/feed").toString());
        assertThat(code).isEqualTo(3);
        assertOneErrorLine().contains("allowPrivateNetworks");
    }

    @Test
    void missingFileIsExitThree() {
        int code = run("preview", dir.resolve("nope.xml").toString());
        assertThat(code).isEqualTo(3);
        assertOneErrorLine().contains("no such file");
    }

    @Test
    void htmlPageIsExitFour() throws Exception {
        int code = run("preview", file("page.html", "<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>").toString());
        assertThat(code).isEqualTo(4);
        assertOneErrorLine().isNotEmpty();
    }

    @Test
    void garbageIsExitFour() throws Exception {
        Path p = dir.resolve("garbage.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(p, bytes);
        assertThat(run("preview", p.toString())).isEqualTo(4);
        assertOneErrorLine();
    }

    @Test
    void nonHttpSchemeIsAUsageError() {
        assertThat(run("preview", "ftp://example.org/feed.xml")).isEqualTo(2);
        assertOneErrorLine().contains("http");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertThat(run("preview", file("feed.xml", RSS).toString(), "--limit", "-1")).isEqualTo(2);
        assertOneErrorLine().contains("--limit");
        err.getBuffer().setLength(0);
        assertThat(run("preview", "--frobnicate", "x")).isEqualTo(2);
        assertOneErrorLine().contains("frobnicate");
        err.getBuffer().setLength(0);
        assertThat(run("nonsense-command")).isEqualTo(2);
        assertOneErrorLine();
    }

    @Test
    void checkConfigNamesTheBadKey() throws Exception {
        assertThat(run("check-config", "--config", file("bad.yaml", "polling: {maxPostsPerPol: 3}\n").toString())).isEqualTo(2);
        assertOneErrorLine().contains("polling.maxPostsPerPol");
    }

    @Test
    void checkConfigRejectsABadFilterRegex() throws Exception {
        Path cfg = file("regex.yaml", "feeds: [{url: 'https://x.example/f', channel: '123', include: '/[a-/'}]\n");
        assertThat(run("check-config", "--config", cfg.toString())).isEqualTo(2);
        assertOneErrorLine().contains("feeds[0].include");
    }

    @Test
    void checkConfigMissingExplicitFile() {
        assertThat(run("check-config", "--config", dir.resolve("absent.yaml").toString())).isEqualTo(2);
        assertOneErrorLine().contains("does not exist");
    }

    @Test
    void checkConfigPrintsEffectiveSettingsWithSecretsMasked() throws Exception {
        Path cfg = file("ok.yaml", "discord: {token: 'MTIz.secret.token'}\nstorage: {password: pw-secret}\n");
        assertThat(run("check-config", "--config", cfg.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("maxBodySize: 10MB").contains("token: '****'").contains("configuration OK")
                .doesNotContain("MTIz.secret.token").doesNotContain("pw-secret");
    }

    @Test
    void theShippedConfigIsValid() {
        Path shipped = Path.of("config", "tldr-bot.yaml");
        assertThat(run("check-config", "--config", shipped.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("developers").contains("security");
    }

    private org.assertj.core.api.AbstractStringAssert<?> assertOneErrorLine() {
        String e = err.toString();
        assertThat(e).startsWith("error: ");
        assertThat(e.strip().lines().count()).as(e).isEqualTo(1);
        assertThat(e).doesNotContain("Exception").doesNotContain("\tat ");
        return assertThat(e);
    }
}
