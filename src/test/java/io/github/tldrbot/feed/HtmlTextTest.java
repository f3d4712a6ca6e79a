package io.github.tldrbot.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    private final HtmlText html = new HtmlText();

    @Test
    void blocksBecomeParagraphsAndBreaksLines() {
        assertThat(html.toText("<h1>Title</h1><p>First   para\n with  <b>bold</b>.</p><p>Second<br>line</p>"))
                .isEqualTo("Title\n\nFirst para with bold.\n\nSecond\nline");
    }

    @Test
    void entitiesAreDecodedAndScriptsDropped() {
        assertThat(html.toText("Tom &amp; Jerry&nbsp;&mdash; it&#8217;s &lt;fine&gt;<script>x()</script><style>.a{}</style>"))
                .isEqualTo("Tom & Jerry \u2014 it\u2019s <fine>");
    }

    @Test
    void inlineElementsDoNotSplitWords() {
        assertThat(html.toText("un<em>believ</em>able <a href=x>link</a>")).isEqualTo("unbelievable link");
    }

    @Test
    void footnoteReferencesAreDroppedButExponentsStay() {
        assertThat(html.toText("<p>a first-class concept,<a class=footnote href=\"#note1\"><sup>1</sup></a> and the Go"
                + " language.<a href=\"#note2\"><sup>2</sup></a></p>"))
                .isEqualTo("a first-class concept, and the Go language.");
        assertThat(html.toText("<p>As reported.<sup>[3]</sup> Then <a href=\"#fn4\">[4]</a> more.</p>"))
                .isEqualTo("As reported. Then more.");
        assertThat(html.toText("<p>E = mc<sup>2</sup> and 10<sup>6</sup> users; see <a href=\"#top\">the top</a>.</p>"))
                .isEqualTo("E = mc2 and 106 users; see the top.");
    }

    @Test
    void blankAndNullGiveEmptyText() {
        assertThat(html.toText(null)).isEmpty();
        assertThat(html.toText("  <p> </p> ")).isEmpty();
    }

    @Test
    void toLineCollapsesEverything() {
        assertThat(html.toLine("<p>a</p>\n<p>b\u00a0 c</p>")).isEqualTo("a b c");
    }

    @Test
    void firstImageIsResolvedAgainstTheBase() {
        assertThat(html.findFirstImage("<p>x</p><img src=\"data:image/png;base64,AAA\"><img src=\"../i/a.png\"><img src=\"b.png\">",
                "https://e.example/posts/1/")).contains("https://e.example/posts/i/a.png");
        assertThat(html.findFirstImage("<img src=\"//cdn.example/x.jpg\">", "https://e.example/")).contains("https://cdn.example/x.jpg");
        assertThat(html.findFirstImage("<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"http://feeds.feedburner.com/~ff/x?d=1\"><img src=\"https://e.example/real.jpg\">", null))
                .contains("https://e.example/real.jpg");
        assertThat(html.findFirstImage("no images", "https://e.example/")).isEmpty();
        assertThat(html.findFirstImage("<img src=\"rel.png\">", null)).isEmpty();
    }
}
