package io.github.tldrbot.feed;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RssDateHiderTest {

    private static final String RSS = "<rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>a</title><pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate> <link>https://x.example/a</link></item>"
            + "<item><pubDate>  </pubDate><title>b</title><pubDate>Tue, 03 Jan 2023 10:00:00 GMT</pubDate></item>"
            + "<item><title>c</title></item></channel></rss>";

    @Test
    void hidesNonBlankPubDatesAndRestoresTheDocumentExactly() throws Exception {
        Document doc = new SAXBuilder().build(new StringReader(RSS));
        String before = new XMLOutputter().outputString(doc);
        List<Element> items = doc.getRootElement().getChild("channel").getChildren("item");
        RssDateHider hider = new RssDateHider();

        assertThat(hider.hide(items)).isTrue();
        assertThat(items.get(0).getChild("pubDate")).isNull();
        assertThat(items.get(1).getChildren("pubDate")).hasSize(1); // the blank one stays: Rome's value may be used
        hider.restore();

        assertThat(new XMLOutputter().outputString(doc)).isEqualTo(before);
    }

    @Test
    void parsedDatesAreTheSameWithTheHiding() throws Exception {
        ParsedFeed feed = new FeedParser().parse(RSS.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                "https://x.example/feed");
        assertThat(feed.articles()).extracting(Article::published).containsExactly(
                java.time.Instant.parse("2023-01-02T10:00:00Z"), java.time.Instant.parse("2023-01-03T10:00:00Z"), null);
    }
}
