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
