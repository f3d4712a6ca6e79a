package io.github.tldrbot.feed;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Broken, hostile and non-feed input: repaired when it is a feed, a clean one-line error otherwise. */
class FeedParserHostileInputTest {

    private static final Duration GUARD = Duration.ofSeconds(20);
    /** The Netscape doctype without its closing {@code >}, so tests can add an internal subset. */
    private static final String RSS_091_DOCTYPE = """
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd\"""";
    private static final String LAUGHS = """
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            """;
    private static final String ITEM_WITH = """
            <rss version="0.91"><channel><title>t</title><link>http://e.example/</link><description>d</description>
            <item><title>%s</title><link>http://e.example/1</link><description>%s</description></item>
            </channel></rss>
            """;

    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(byte[] bytes) {
        return assertTimeoutPreemptively(GUARD, (ThrowingSupplier<ParsedFeed>) () -> parser.parse(bytes, null, "http://e.example/rss"));
    }

    private ParsedFeed parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private String failureOf(byte[] bytes) {
        FeedParseException e = assertTimeoutPreemptively(GUARD, () -> {
            try {
                parser.parse(bytes, null, "http://e.example/rss");
                return null;
            } catch (FeedParseException ex) {
                return ex;
            }
        });
        assertThat(e).as("a FeedParseException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "Exception", "org.", "java.", "com.");
        return e.getMessage();
    }

    private String failureOf(String text) {
        return failureOf(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rss(String title, String description) {
        return ITEM_WITH.formatted(title, description);
    }

    @Test
    void leadingWhitespaceAndBomBeforeTheDeclarationAreTolerated() {
        String xml = "\n\n   <?xml version=\"1.0\" encoding=\"utf-8\"?>" + rss("Spaced", "ok");
        assertThat(parse(xml).articles()).extracting(Article::title).containsExactly("Spaced");

        byte[] body = ("\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>" + rss("Bommed", "ok")).getBytes(StandardCharsets.UTF_8);
        assertThat(parse(body).articles()).extracting(Article::title).containsExactly("Bommed");

        byte[] bomAndSpace = ("\ufeff \n<?xml version=\"1.0\"?>" + rss("Both", "ok")).getBytes(StandardCharsets.UTF_8);
        assertThat(parse(bomAndSpace).articles()).extracting(Article::title).containsExactly("Both");
    }

    @Test
    void undeclaredHtmlEntitiesAreMappedToCharacters() {
        ParsedFeed feed = parse(rss("Caf&eacute; &mdash; news", "a&nbsp;b &auml; &bogus; AT&T"));
        Article a = feed.articles().get(0);
        assertThat(a.title()).isEqualTo("Caf\u00e9 \u2014 news");
        assertThat(a.summary()).contains("\u00e4").contains("AT&T").doesNotContain("&nbsp;");
    }

    @Test
    void illegalControlCharactersAreStripped() {
        ParsedFeed feed = parse(rss("Bell\u0007 and back\u0008space", "ctl\u0006 <![CDATA[in\u0001cdata]]>"));
        assertThat(feed.articles().get(0).title()).isEqualTo("Bell and backspace");
        assertThat(feed.articles().get(0).summary()).isEqualTo("ctl incdata");
    }

    @Test
    void latin1BytesWithoutDeclarationAreReadAsWindows1252() {
        byte[] body = rss("Caf\u00e9 \u2019quoted\u2019", "na\u00efve").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Article a = parse(body).articles().get(0);
        assertThat(a.title()).isEqualTo("Caf\u00e9 \u2019quoted\u2019");
        assertThat(a.summary()).isEqualTo("na\u00efve");
    }

    @Test
    void utf8BytesMislabelledAsLatin1AreReadAsUtf8() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + rss("Schon l\u00e4nger", "\u00dcberlaufen"))
                .getBytes(StandardCharsets.UTF_8);
        Article a = parse(body).articles().get(0);
        assertThat(a.title()).isEqualTo("Schon l\u00e4nger");
        assertThat(a.summary()).isEqualTo("\u00dcberlaufen");
    }

    @Test
    void realLatin1WithDeclarationStaysLatin1() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + rss("Caf\u00e9", "\u00e0 la carte"))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parse(body).articles().get(0).title()).isEqualTo("Caf\u00e9");
    }

    @Test
    void gzipBytesAreGunzipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(rss("Zipped", "z").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(parse(out.toByteArray()).articles()).extracting(Article::title).containsExactly("Zipped");
    }

    @Test
    void gzipBombIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                gz.write(zeros);
            }
        }
        assertThat(failureOf(out.toByteArray())).contains("gzip").contains("refusing");
    }

    @Test
    void billionLaughsIsRefused() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n" + LAUGHS + "]>\n" + rss("&lol9;", "x");
        assertThat(failureOf(bomb)).contains("DOCTYPE").contains("refused");
    }

    @Test
    void billionLaughsBehindTheRss091DoctypeIsRefused() {
        String bomb = "<?xml version=\"1.0\"?>\n" + RSS_091_DOCTYPE + " [\n" + LAUGHS + "]>\n" + rss("&lol9;", "x");
        assertThat(failureOf(bomb)).contains("DOCTYPE").contains("refused");
    }

    @Test
    void externalEntityIsNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + rss("&xxe;", "x");
        assertThat(failureOf(xxe)).contains("DOCTYPE");

        String behind091 = "<?xml version=\"1.0\"?>\n" + RSS_091_DOCTYPE
                + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + rss("&xxe;", "x");
        assertThat(failureOf(behind091)).contains("DOCTYPE");
    }

    /**
     * Second line of defence: even the doctype-allowing reader used for the RSS 0.91 retry never
     * reads an external entity and stops an expansion bomb (JDK entity-expansion limit).
     */
    @Test
    void theRss091ReaderItselfResolvesNoExternalEntityAndBoundsExpansion() {
        FeedDocumentReader permissive = new FeedDocumentReader(true);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + rss("[&xxe;]", "x");
        Object outcome = assertTimeoutPreemptively(GUARD, () -> {
            try {
                return permissive.read(xxe);
            } catch (JDOMException e) {
                return e;
            }
        });
        System.out.println("rss-0.91 reader on an external entity: " + (outcome instanceof JDOMException e ? e.getMessage() : "parsed, entity not resolved"));
        if (outcome instanceof Document doc) {
            String title = doc.getRootElement().getChild("channel").getChild("item").getChildText("title");
            assertThat(title).doesNotContain("root:");
        }

        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n" + LAUGHS + "]>\n" + rss("&lol9;", "x");
        Object bombOutcome = assertTimeoutPreemptively(GUARD, () -> {
            try {
                return permissive.read(bomb);
            } catch (JDOMException e) {
                return e;
            }
        });
        System.out.println("rss-0.91 reader on a billion-laughs document: " + (bombOutcome instanceof JDOMException e ? e.getMessage() : "parsed"));
        if (bombOutcome instanceof Document doc) {
            String title = doc.getRootElement().getChild("channel").getChild("item").getChildText("title");
            assertThat(title.length()).as("expanded title length").isLessThan(1_000_000);
        } else {
            assertThat(((JDOMException) bombOutcome).getMessage()).containsIgnoringCase("entit");
        }
    }

    @Test
    void rss091DoctypeAfterLeadingWhitespaceStillParses() {
        String xml = "\n  <?xml version=\"1.0\"?>\n" + RSS_091_DOCTYPE + ">\n" + rss("Old &amp; spaced", "x");
        assertThat(parse(xml).articles()).extracting(Article::title).containsExactly("Old & spaced");
    }

    @Test
    void otherDoctypesAreRefused() {
        String xhtml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://evil.example/x.dtd\">\n" + rss("t", "d");
        assertThat(failureOf(xhtml)).isEqualTo(
                "the feed declares a DOCTYPE, which is refused for safety (only the plain RSS 0.91 DTD is accepted)");
    }

    @Test
    void htmlPageIsNotAFeed() {
        assertThat(failureOf("<!DOCTYPE html>\n<html><head><title>Hi</title></head><body><p>Welcome</p></body></html>"))
                .isEqualTo("not an RSS or Atom feed (looks like an HTML page)");
        assertThat(failureOf("<html><body>Hello</body></html>"))
                .isEqualTo("not an RSS or Atom feed (looks like an HTML page)");
        assertThat(failureOf("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"))
                .isEqualTo("not an RSS or Atom feed (looks like an HTML page)");
    }

    @Test
    void otherXmlIsNotAFeed() {
        assertThat(failureOf("<?xml version=\"1.0\"?><catalog><book/></catalog>"))
                .isEqualTo("not an RSS or Atom feed (the XML document's root element is <catalog>)");
    }

    @Test
    void jsonIsNotAFeed() {
        assertThat(failureOf("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}"))
                .isEqualTo("not an RSS or Atom feed (looks like JSON)");
    }

    @Test
    void garbageBytesAreNotAFeed() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        garbage[0] = 0x00; // never a '<' or a gzip magic
        assertThat(failureOf(garbage)).startsWith("not an RSS or Atom feed (looks like binary data");
    }

    @Test
    void emptyAndBlankBodiesAreNotAFeed() {
        assertThat(failureOf(new byte[0])).isEqualTo("the document is empty, not an RSS or Atom feed");
        assertThat(failureOf("  \n\t ")).isEqualTo("the document is empty, not an RSS or Atom feed");
    }

    @Test
    void truncatedXmlSaysSoWithTheLine() {
        String full = rss("Cut", "short");
        String truncated = full.substring(0, full.indexOf("</description>"));
        assertThat(failureOf(truncated)).startsWith("the feed is not well-formed XML (it ends early, probably truncated)");
    }

    @Test
    void malformedXmlNamesTheLine() {
        String broken = "<rss version=\"2.0\"><channel>\n<title>t</title>\n<item><title>a</wrong></item></channel></rss>";
        assertThat(failureOf(broken)).startsWith("the feed is not well-formed XML at line 3: ");
    }

    @Test
    void namespaceUrisWithSurroundingWhiteSpaceAreTrimmedAndParse() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes=" http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:content='http://purl.org/rss/1.0/modules/content/	' xmlns:atom = "  http://www.w3.org/2005/Atom ">
                  <channel><title>Spaced pod</title><link>https://pod.example/</link>
                    <atom:link href="https://pod.example/feed" rel="self"/>
                    <item><title>Episode 7</title><link>https://pod.example/7</link>
                      <itunes:image href="https://pod.example/7.jpg"/>
                      <content:encoded><![CDATA[<p>Full notes of episode seven.</p>]]></content:encoded>
                    </item>
                  </channel>
                </rss>
                """;
        Article a = parse(xml).articles().get(0);
        assertThat(a.title()).isEqualTo("Episode 7");
        // the module elements are still recognised under their trimmed namespace
        assertThat(a.image()).isEqualTo("https://pod.example/7.jpg");
        assertThat(a.contentText()).isEqualTo("Full notes of episode seven.");
    }

    @Test
    void aNamespaceUriJdomRefusesEvenTrimmedGetsAPlaceholderAndParses() {
        String xml = """
                <rss version="2.0" xmlns:odd="1-starts-with-a-digit"><channel><title>t</title><link>https://e.example/</link>
                <item><title>Kept</title><link>https://e.example/1</link><odd:x>y</odd:x></item></channel></rss>
                """;
        assertThat(parse(xml).articles()).extracting(Article::title).containsExactly("Kept");
    }
}
