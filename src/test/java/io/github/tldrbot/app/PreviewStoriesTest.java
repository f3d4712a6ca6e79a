package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview SOURCE...}: several feeds merged into stories as the bot merges them (SPEC §2, §12). */
class PreviewStoriesTest {

    static final String ALPHA = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Alpha News</title><link>https://alpha.example/</link>
            <item><title>Acme recalls 2 million Widget heaters after fire reports</title><link>https://alpha.example/acme-recall</link>
              <pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate><description>Acme Corp recalled 2 million Widget space heaters on
              Monday after 40 reports of fires, the Consumer Product Safety Commission said.</description></item>
            <item><title>City council approves new bike lanes downtown</title><link>https://alpha.example/bikes</link>
              <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>The city council voted 7-2 to build 12 miles of
              protected bike lanes downtown.</description></item>
            </channel></rss>
            """;
    static final String BETA = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Beta Daily</title><link>https://beta.example/</link>
            <item><title>Acme Widget heater recall covers 2 million units over fire risk</title>
              <link>https://beta.example/2026/11/30/acme-heaters</link><pubDate>Mon, 30 Nov 2026 12:30:00 GMT</pubDate>
              <description>The Consumer Product Safety Commission announced that Acme is recalling about 2 million Widget
              space heaters after 40 fires were reported. Acme will refund owners.</description></item>
            <item><title>Acme opens new headquarters in Austin</title><link>https://beta.example/acme-hq</link>
              <pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate><description>Acme Corp opened a new headquarters in Austin,
              Texas, with room for 3,000 employees.</description></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p.toString();
    }

    @Test
    void theStoryWindowIsMeasuredOnPublicationTimesOfTheFiles() throws Exception {
        // the same report a week later is another story: a saved file's publication times place its articles
        String later = BETA.replace("Mon, 30 Nov 2026 12:30:00 GMT", "Mon, 07 Dec 2026 12:30:00 GMT")
                .replace("Tue, 01 Dec 2026 08:00:00 GMT", "Tue, 08 Dec 2026 08:00:00 GMT");
        int code = run("preview", "--json", file("alpha.xml", ALPHA), file("beta.xml", later));

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("stories")).hasSize(4);
    }

    @Test
    void theSameEventFromTwoFeedsIsOneStoryWithNumberedSourcesAndTheSameCompanyElsewhereIsAnother() throws Exception {
        int code = run("preview", "--json", file("alpha.xml", ALPHA), file("beta.xml", BETA));

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.has("feed")).isFalse();
        assertThat(doc.get("feeds").size()).isEqualTo(2);
        JsonNode articles = doc.get("articles");
        assertThat(articles).hasSize(4);
        assertThat(articles.get(0).get("feed").asInt()).isZero();
        assertThat(articles.get(2).get("feed").asInt()).isEqualTo(1);
        String recall = articles.get(0).get("story").asText();
        assertThat(articles.get(2).get("story").asText()).as("the recall, told by Beta").isEqualTo(recall);
        assertThat(articles.get(3).get("story").asText()).as("Acme's new HQ is another event").isNotEqualTo(recall);
        assertThat(articles.get(1).get("story").asText()).isNotEqualTo(recall);
        assertThat(doc.get("stories")).hasSize(3);
        JsonNode story = null;
        for (JsonNode s : doc.get("stories")) {
            if (s.get("id").asText().equals(recall)) {
                story = s;
            }
        }
        assertThat(story).isNotNull();
        assertThat(story.get("articles")).hasSize(2);
        JsonNode sources = story.get("card").get("sources");
        assertThat(sources).hasSize(2);
        assertThat(sources.get(0).get("n").asInt()).isEqualTo(1);
        assertThat(sources.get(0).get("publisher").asText()).isEqualTo("Alpha News");
        assertThat(sources.get(1).get("link").asText()).isEqualTo("https://beta.example/2026/11/30/acme-heaters");
    }

    @Test
    void oneSourceKeepsItsFeedKeyAndAddsStories() throws Exception {
        int code = run("preview", "--json", file("alpha.xml", ALPHA));

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("feed").get("title").asText()).isEqualTo("Alpha News");
        assertThat(doc.get("articles")).allSatisfy(a -> assertThat(a.has("story")).isTrue());
        assertThat(doc.get("stories")).hasSize(2);
    }

    @Test
    void theTextShowsEachStoryOnceWithItsSources() throws Exception {
        int code = run("preview", file("alpha.xml", ALPHA), file("beta.xml", BETA));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("# 2 feeds, 4 articles, 3 stories (1 told by several sources)")
                .contains("Sources (2):")
                .contains("[1] Alpha News — Acme recalls 2 million Widget heaters after fire reports <https://alpha.example/acme-recall>")
                .contains("[2] Beta Daily — Acme Widget heater recall");
    }
}
