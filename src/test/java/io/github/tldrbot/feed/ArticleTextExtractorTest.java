package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** {@link ArticleTextExtractor} on realistic pages: the article, not the furniture around it. */
class ArticleTextExtractorTest {

    private final ArticleTextExtractor extractor = new ArticleTextExtractor();

    private Optional<PageText.Found> extract(String html) {
        return extractor.extract(Jsoup.parse(html, "https://news.example/2026/11/tram"));
    }

    @Test
    void newsPageGivesTheStoryWithoutNavigationSidebarCommentsOrFooter() {
        PageText.Found page = extract(ArticlePages.news()).orElseThrow();

        assertThat(page.text())
                .startsWith(ArticlePages.NEWS_FIRST)
                .endsWith(ArticlePages.NEWS_LAST)
                .contains("\"We are being asked to sign a blank cheque,\" said Petra Holm")
                .contains("Residents along the route can comment on the detailed plans until 15 January.")
                .doesNotContain("We use cookies", "Podcasts", "Most read", "Storm warning", "morning briefing",
                        "Share on Facebook", "LinkedIn", "Advertisement", "Harbour tunnel: the final bill",
                        "Finally! I have been waiting", "vanity project", "All rights reserved", "Mara Lind",
                        "Photo: Jon Berg", "Topics:", "window.dataLayer");
    }

    @Test
    void paragraphsAreSeparatedByBlankLinesLikeFeedText() {
        String text = extract(ArticlePages.news()).orElseThrow().text();

        assertThat(text).contains("by the end of 2029.\n\nThe line will have nine stops")
                .contains("\n\nOpposition warns of cost overruns\n\n");
        assertThat(text).doesNotContain("\n\n\n").doesNotStartWith("\n").doesNotEndWith("\n");
    }

    @Test
    void linksOfTheArticleBodyAreKeptAbsoluteAndShareLinksAreNot() {
        PageText.Found page = extract(ArticlePages.news()).orElseThrow();

        assertThat(page.links()).containsExactly(
                new ArticleLink("the Eastside tram cost review", "https://example.org/reports/eastside-tram-review.pdf"),
                new ArticleLink("the council's events page", "https://example.org/tram/events"));
    }

    @Test
    void blogPostWithMoreCommentProseThanArticleProseStillGivesThePost() {
        PageText.Found page = extract(ArticlePages.blog()).orElseThrow();

        assertThat(page.text())
                .startsWith("For three years our continuous integration build cache lived on a single 2 TB disk")
                .contains("Cold builds, the ones that start from an empty workspace, went from 19 minutes to 7 minutes")
                .endsWith("The scripts we used are in our cache-stats repository.")
                .doesNotContain("Did you consider putting the cache", "toolchain version", "Leave a Reply",
                        "Share this", "Counting our flaky tests", "Fieldnotes is written by", "proudly powered",
                        "Archives");
        assertThat(page.links()).extracting(ArticleLink::href)
                .containsExactly("https://git.example.net/platform/cache-stats");
    }

    @Test
    void pageWithoutProseFallsBackToItsOpenGraphDescription() {
        String html = "<html><head><meta name=\"description\" content=\"Short meta text.\">"
                + "<meta property=\"og:description\" content=\"The band announced a 20-date tour of Europe, starting in"
                + " Lisbon in March.\"></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<div id=\"player\"><video src=\"/v.mp4\"></video></div><p>Watch now</p></body></html>";

        assertThat(extract(html)).map(PageText.Found::text)
                .contains("The band announced a 20-date tour of Europe, starting in Lisbon in March.");
    }

    @Test
    void pageWithNeitherProseNorDescriptionGivesNothing() {
        String html = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav>"
                + "<footer>© 2026</footer><script>var x = 'a long script that is not text at all';</script></body></html>";

        assertThat(extract(html)).isEmpty();
    }

    @Test
    void articleWhoseClassSoundsLikeFurnitureIsFoundOnTheSecondPass() {
        StringBuilder html = new StringBuilder("<html><body><div class=\"post has-comments\">");
        for (int i = 0; i < 4; i++) {
            html.append("<p>The harbour authority said on Monday that ferry number ").append(i)
                    .append(" will run on the winter timetable from December, with fewer crossings in the evening"
                            + " and an extra early departure for commuters.</p>");
        }
        html.append("</div><div class=\"menu\"><a href=\"/x\">Timetables</a></div></body></html>");

        String text = extract(html.toString()).orElseThrow().text();

        assertThat(text).contains("ferry number 0 will run", "ferry number 3 will run").doesNotContain("Timetables");
    }

    @Test
    void hiddenElementsAreNotText() {
        String html = "<html><body><article>"
                + "<p style=\"display: none\">Subscribers only: this paragraph is hidden from readers of the page.</p>"
                + "<p>The museum reopened on Saturday after a renovation that took four years and cost 80 million,"
                + " with a new wing for the modern collection and a rooftop garden open to all visitors.</p>"
                + "<p>Entry stays free on Sundays, and the opening hours are extended until ten in the evening"
                + " on Thursdays from January, the director said at the opening ceremony.</p>"
                + "<div hidden>Another hidden block that a reader never sees on the page at all.</div>"
                + "</article></body></html>";

        assertThat(extract(html).orElseThrow().text())
                .startsWith("The museum reopened on Saturday").doesNotContain("Subscribers only", "Another hidden");
    }

    @Test
    void proseInPlainDivsWithoutParagraphTagsIsFound() {
        StringBuilder html = new StringBuilder("<html><body><div id=\"top\"><a href=\"/\">Site</a></div><div id=\"c\">");
        for (int i = 0; i < 5; i++) {
            html.append("<div>Line ").append(i).append(" of a story written straight into divs, as some older"
                    + " sites do, with enough words and commas, clauses and details to read as prose.</div>");
        }
        html.append("</div></body></html>");

        assertThat(extract(html.toString()).orElseThrow().text())
                .contains("Line 0 of a story", "Line 4 of a story").doesNotContain("Site");
    }

    @Test
    void deeplyNestedTwoMegabytePageIsReadInOnePassNotOncePerBox() {
        String html = ArticlePages.nested(500, 50);

        PageText.Found found = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> extract(html).orElseThrow());

        assertThat(html.length()).isGreaterThan(2_000_000);
        assertThat(found.text()).startsWith("Some words, with commas").hasSizeLessThanOrEqualTo(ArticleTextExtractor.MAX_CHARS);
    }

    @Test
    void veryLongArticleIsCappedAtAParagraphBreak() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        String paragraph = "This sentence repeats, so that the article becomes much longer than any card needs. ".repeat(6);
        for (int i = 0; i < 200; i++) {
            html.append("<p>").append(i).append(' ').append(paragraph).append("</p>");
        }
        html.append("</article></body></html>");

        String text = extract(html.toString()).orElseThrow().text();

        assertThat(text.length()).isLessThanOrEqualTo(ArticleTextExtractor.MAX_CHARS).isGreaterThan(ArticleTextExtractor.MAX_CHARS / 2);
        assertThat(text).startsWith("0 This sentence").endsWith("card needs.");
    }
}
