package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The links of an article's body: collected by {@link HtmlText}, resolved and filtered by {@link EntryNormaliser}. */
class BodyLinksTest {

    private final HtmlText html = new HtmlText();
    private final FeedParser parser = new FeedParser();

    private List<HtmlText.Anchor> anchors(String fragmentHtml) {
        HtmlText.Fragment fragment = new HtmlText.Fragment(fragmentHtml, null);
        html.textOf(fragment);
        return html.anchorsOf(fragment);
    }

    @Test
    void anchorsComeInDocumentOrderWithTheirPlainText() {
        assertThat(anchors("<p>Read the <a href=\"/notes\">release <b>notes</b></a> or "
                + "<a href='https://x.example/dl'>download&nbsp;it</a>.</p><a href=\"#top\"><img src=i.png></a>"
                + "<script><a href=\"https://evil.example\">x</a></script><a>no href</a><a href=\" \">blank</a>"))
                .containsExactly(new HtmlText.Anchor("release notes", "/notes"),
                        new HtmlText.Anchor("download it", "https://x.example/dl"), new HtmlText.Anchor("", "#top"));
    }

    @Test
    void anAnchorAroundBlocksGivesOneLineOfText() {
        assertThat(anchors("<a href=\"/a\"><h2>Big news</h2><p>Read all about it</p></a>"))
                .containsExactly(new HtmlText.Anchor("Big news Read all about it", "/a"));
        assertThat(anchors("<a href=\"/a\">" + "x".repeat(500) + "</a>").get(0).text()).hasSize(200);
    }

    @Test
    void plainTextHasNoAnchorsAndNeedsNoParse() {
        assertThat(anchors("just text, https://x.example/a is not an anchor")).isEmpty();
        assertThat(anchors(null)).isEmpty();
    }

    @Test
    void articleLinksAreAbsoluteHttpDeduplicatedAndInOrder() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel><title>T</title><link>https://blog.example/</link>
                    <item>
                      <title>Toolkit 2.0</title>
                      <link>https://blog.example/posts/toolkit-2/</link>
                      <description>Short teaser with a <a href="https://teaser.example/">link</a>.</description>
                      <content:encoded><![CDATA[<p>Toolkit 2.0 is out. Read the <a href="notes.html">release notes</a>,
                        <a href="https://dl.example/toolkit-2.0.zip">download it</a> or see the
                        <a href="https://dl.example/toolkit-2.0.zip">same link again</a>.</p>
                        <p><a href="mailto:team@blog.example">Mail us</a> <a href="javascript:alert(1)">x</a>
                        <a href="#fn1">1</a> <a href="//cdn.example/a.png"><img src="a.png"></a>
                        <a href="https://dl.example/toolkit-2.0.zip">third time</a></p>]]></content:encoded>
                    </item>
                  </channel>
                </rss>
                """;
        Article a = FeedParserTest.parse(parser, xml, "https://blog.example/feed.xml").articles().get(0);
        assertThat(a.links()).containsExactly(
                new ArticleLink("release notes", "https://blog.example/posts/toolkit-2/notes.html"),
                new ArticleLink("download it", "https://dl.example/toolkit-2.0.zip"),
                new ArticleLink("", "https://cdn.example/a.png"));
    }

    @Test
    void linksAreCappedAndAPlainTextBodyHasNone() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            body.append("<a href=\"https://x.example/").append(i).append("\">link ").append(i).append("</a> ");
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-01-01T00:00:00Z</updated>
                  <entry><title>Many</title><id>urn:1</id><updated>2026-01-01T00:00:00Z</updated>
                    <link href="https://x.example/many"/><content type="html"><![CDATA[%s]]></content></entry>
                  <entry><title>Plain</title><id>urn:2</id><updated>2026-01-01T00:00:00Z</updated>
                    <link href="https://x.example/plain"/>
                    <content type="text">See &lt;a href="https://x.example/"&gt;this&lt;/a&gt; as text.</content></entry>
                </feed>
                """.formatted(body);
        List<Article> articles = FeedParserTest.parse(parser, xml, "https://x.example/feed").articles();
        assertThat(articles.get(0).links()).hasSize(EntryNormaliser.MAX_LINKS);
        assertThat(articles.get(0).links().get(0)).isEqualTo(new ArticleLink("link 0", "https://x.example/0"));
        assertThat(articles.get(1).links()).isEmpty();
    }
}
