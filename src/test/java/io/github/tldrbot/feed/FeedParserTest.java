package io.github.tldrbot.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Field mapping of {@link FeedParser} on small feeds of each format. */
class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    static ParsedFeed parse(FeedParser parser, String xml, String baseUrl) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", baseUrl);
    }

    @Test
    void rss20FieldsAreMappedAndNormalised() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
                  <channel>
                    <title>Example &amp; Co News</title>
                    <link>https://example.com/</link>
                    <ttl>60</ttl>
                    <item>
                      <title>Release &lt;b&gt;2.0&lt;/b&gt; is out</title>
                      <link>/posts/release-2</link>
                      <guid isPermaLink="false">tag:example.com,2026:42</guid>
                      <pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>
                      <dc:creator>Ada Lovelace</dc:creator>
                      <category> Releases </category>
                      <category>releases</category>
                      <category></category>
                      <category>Java</category>
                      <description><![CDATA[<p>We shipped   <b>2.0</b>&nbsp;today &amp; it&#8217;s fast.</p><script>alert(1)</script><p>Second paragraph.</p>]]></description>
                      <content:encoded><![CDATA[<p>We shipped <b>2.0</b> today.</p><p>A much longer body that explains everything in detail.</p><img src="/img/shot.png">]]></content:encoded>
                      <media:thumbnail url="https://cdn.example.com/thumb.jpg"/>
                    </item>
                  </channel>
                </rss>
                """;
        ParsedFeed feed = parse(parser, xml, "https://example.com/feed.xml");

        assertThat(feed.feed()).isEqualTo(new FeedInfo("https://example.com/feed.xml", "Example & Co News",
                "https://example.com/", "rss_2.0", 60));
        Article a = feed.articles().get(0);
        assertThat(a.id()).isEqualTo("guid:tag:example.com,2026:42");
        assertThat(a.guid()).isEqualTo("tag:example.com,2026:42");
        assertThat(a.title()).isEqualTo("Release 2.0 is out");
        assertThat(a.link()).isEqualTo("https://example.com/posts/release-2");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(a.author()).isEqualTo("Ada Lovelace");
        assertThat(a.categories()).containsExactly("Releases", "Java");
        assertThat(a.summary()).isEqualTo("We shipped 2.0 today & it\u2019s fast.\n\nSecond paragraph.");
        assertThat(a.contentText()).isEqualTo("We shipped 2.0 today.\n\nA much longer body that explains everything in detail.");
        assertThat(a.image()).isEqualTo("https://cdn.example.com/thumb.jpg");
    }

    @Test
    void atomWithXmlBaseResolvesRelativeLinksAndImages() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">
                  <title type="html">Daring &lt;i&gt;Blog&lt;/i&gt;</title>
                  <link rel="alternate" href="/"/>
                  <link rel="self" href="/feed.atom"/>
                  <id>urn:uuid:feed</id>
                  <updated>2026-11-28T09:00:00Z</updated>
                  <entry xml:base="/2026/11/">
                    <title type="text">A &lt;tag&gt; in a text title</title>
                    <link rel="alternate" href="first-post"/>
                    <id>urn:uuid:1</id>
                    <published>2026-11-27T08:00:00+01:00</published>
                    <updated>2026-11-28T08:00:00Z</updated>
                    <author><name>Jo</name></author>
                    <summary type="html">&lt;p&gt;Short &amp;amp; sweet.&lt;/p&gt;</summary>
                    <content type="html">&lt;p&gt;Longer body here.&lt;/p&gt;&lt;img src="pic.jpg"&gt;</content>
                  </entry>
                  <entry>
                    <title>Second</title>
                    <link href="second"/>
                    <id>urn:uuid:2</id>
                    <updated>2026-11-28T07:00:00Z</updated>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Only content.</p></div></content>
                  </entry>
                </feed>
                """;
        ParsedFeed feed = parse(parser, xml, "https://elsewhere.example/feed");

        assertThat(feed.feed().format()).isEqualTo("atom_1.0");
        assertThat(feed.feed().title()).isEqualTo("Daring Blog");
        assertThat(feed.feed().link()).isEqualTo("https://blog.example.org/");
        assertThat(feed.feed().ttl()).isNull();
        Article first = feed.articles().get(0);
        assertThat(first.guid()).isEqualTo("urn:uuid:1");
        assertThat(first.title()).isEqualTo("A <tag> in a text title");
        assertThat(first.link()).isEqualTo("https://blog.example.org/2026/11/first-post");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(first.updated()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
        assertThat(first.author()).isEqualTo("Jo");
        assertThat(first.summary()).isEqualTo("Short & sweet.");
        assertThat(first.contentText()).isEqualTo("Longer body here.");
        assertThat(first.image()).isEqualTo("https://blog.example.org/2026/11/pic.jpg");
        Article second = feed.articles().get(1);
        assertThat(second.link()).isEqualTo("https://blog.example.org/second");
        assertThat(second.summary()).isEqualTo("Only content.");
        assertThat(second.image()).isNull();
    }

    @Test
    void rss10RdfUsesAboutAsGuidAndDcDate() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://news.example/rss">
                    <title>RDF News</title>
                    <link>https://news.example/</link>
                    <description>d</description>
                    <items><rdf:Seq><rdf:li resource="https://news.example/a"/><rdf:li resource="https://news.example/b"/></rdf:Seq></items>
                  </channel>
                  <item rdf:about="https://news.example/a">
                    <title>Story A</title>
                    <link>https://news.example/a</link>
                    <description>Text of A.</description>
                    <dc:date>2026-11-28T10:00:00+02:00</dc:date>
                    <dc:subject>Science</dc:subject>
                  </item>
                  <item rdf:about="https://news.example/b">
                    <title>Story B</title>
                    <link>https://news.example/b</link>
                  </item>
                </rdf:RDF>
                """;
        ParsedFeed feed = parse(parser, xml, "https://news.example/rss");

        assertThat(feed.feed().format()).isEqualTo("rss_1.0");
        assertThat(feed.articles()).extracting(Article::guid).containsExactly("https://news.example/a", "https://news.example/b");
        assertThat(feed.articles()).extracting(Article::title).containsExactly("Story A", "Story B");
        Article a = feed.articles().get(0);
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
        assertThat(a.categories()).containsExactly("Science");
        assertThat(feed.articles().get(1).summary()).isNull();
    }

    @Test
    void rss091WithNetscapeDoctypeParsesThroughTheRetry() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91">
                  <channel>
                    <title>Old School</title>
                    <link>http://old.example/</link>
                    <description>Legacy feed</description>
                    <language>en-us</language>
                    <item>
                      <title>Hello 1999</title>
                      <link>http://old.example/1999</link>
                      <description>Party like it&apos;s 1999.</description>
                    </item>
                  </channel>
                </rss>
                """;
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1), null, "http://old.example/rss");

        assertThat(feed.feed().format()).startsWith("rss_0.91");
        assertThat(feed.articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Hello 1999");
            assertThat(a.link()).isEqualTo("http://old.example/1999");
            assertThat(a.summary()).isEqualTo("Party like it's 1999.");
            assertThat(a.guid()).isNull();
            assertThat(a.id()).isEqualTo("link:http://old.example/1999");
        });
    }

    @Test
    void htmlLadenDescriptionsBecomeCleanPlainText() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://e.example/</link>
                  <item><title>Fish &amp;amp; Chips &#8211; a review</title><link>https://e.example/1</link>
                    <description>&lt;div&gt;&lt;h2&gt;Heading&lt;/h2&gt;&lt;p&gt;It&amp;#8217;s   &lt;em&gt;great&lt;/em&gt;&amp;nbsp;&amp;amp; cheap.&lt;/p&gt;
                    &lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;&lt;style&gt;p{color:red}&lt;/style&gt;&lt;/div&gt;</description>
                  </item>
                  <item><title><![CDATA[CDATA <b>title</b>]]></title><link>https://e.example/2</link>
                    <description><![CDATA[Line one<br/>line two &amp; three &#169; 2026]]></description>
                  </item>
                </channel></rss>
                """;
        List<Article> articles = parse(parser, xml, "https://e.example/rss").articles();

        Article first = articles.get(0);
        assertThat(first.title()).isEqualTo("Fish & Chips \u2013 a review");
        assertThat(first.summary()).isEqualTo("Heading\n\nIt\u2019s great & cheap.\n\none\n\ntwo");
        Article second = articles.get(1);
        assertThat(second.title()).isEqualTo("CDATA title");
        assertThat(second.summary()).isEqualTo("Line one\nline two & three \u00a9 2026");
        for (Article a : articles) {
            assertThat(a.summary()).doesNotContain("<", "&amp;", "&#", "&nbsp;", "color:red", "  ");
        }
    }

    @Test
    void linksWithUnsafeSchemesAreDropped() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://e.example/</link>
                  <item><title>x</title><link>javascript:alert(1)</link><guid>g1</guid>
                    <enclosure url="/cover.png" type="image/png" length="1"/></item>
                </channel></rss>
                """;
        Article a = parse(parser, xml, "https://e.example/rss").articles().get(0);
        assertThat(a.link()).isNull();
        assertThat(a.image()).isEqualTo("https://e.example/cover.png");
    }

    @Test
    void datesRomeCannotReadFallBackToTheLenientParser() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://e.example/</link>
                  <item><title>x</title><link>https://e.example/x</link><pubDate>Fri, 2006/09/15 08:19:53 EDT</pubDate></item>
                </channel></rss>
                """;
        Article a = parse(parser, xml, "https://e.example/rss").articles().get(0);
        assertThat(a.published()).isEqualTo(Instant.parse("2006-09-15T12:19:53Z"));
    }

    @Test
    void articlesKeepDocumentOrderAndTheParserIsReusable() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://e.example/</link>
                  <item><title>c</title><guid>3</guid></item>
                  <item><title>a</title><guid>1</guid></item>
                  <item><title>b</title><guid>2</guid></item>
                </channel></rss>
                """;
        for (int i = 0; i < 2; i++) {
            assertThat(parse(parser, xml, "https://e.example/rss").articles())
                    .extracting(Article::title).containsExactly("c", "a", "b");
        }
    }
}
