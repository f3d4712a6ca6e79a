package io.github.tldrbot.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Article pages for tests and benchmarks: the hand-written pages under {@code feed/pages/}, and a
 * large page built from the news page the way real news sites grow to ~100 KB (a mega menu, inline
 * state scripts, a long comment thread, related-story grids) around the same article.
 */
public final class ArticlePages {

    /** Sentences of the news page's article, to check an extraction against. */
    public static final String NEWS_FIRST = "After two years of public hearings, the city council voted 31 to 12";
    public static final String NEWS_LAST = "a third of its passengers currently arrive by car.";

    private ArticlePages() {
    }

    /** A news site's article page: nav, share buttons, ads, sidebar, comments, footer around the story. */
    public static String news() {
        return load("news-article.html");
    }

    /** A WordPress-style blog post without {@code <article>}: more comment prose than article prose. */
    public static String blog() {
        return load("blog-post.html");
    }

    /** The news page grown to about {@code targetBytes} with the furniture of a big news site. */
    public static String large(int targetBytes) {
        String page = news();
        StringBuilder menu = new StringBuilder("<nav class=\"mega-menu\"><ul>");
        StringBuilder state = new StringBuilder("<script id=\"__APP_STATE__\" type=\"application/json\">{\"stories\":[");
        StringBuilder comments = new StringBuilder();
        StringBuilder related = new StringBuilder("<section class=\"related-grid\"><h2>More from Transport</h2>");
        int i = 0;
        while (page.length() + menu.length() + state.length() + comments.length() + related.length() < targetBytes) {
            menu.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i)
                    .append("</a><ul><li><a href=\"/section/").append(i).append("/latest\">Latest</a></li></ul></li>");
            state.append("{\"id\":").append(i).append(",\"headline\":\"Story number ").append(i)
                    .append(" about the harbour, the council and the weather\",\"url\":\"/news/").append(i).append("\"},");
            comments.append("<div class=\"comment\"><p class=\"comment-author\">reader").append(i)
                    .append("</p><p>I have lived here for ").append(i % 40 + 2)
                    .append(" years and I have seen many plans like this one come and go, so forgive me if I wait"
                            + " for the first tram before I celebrate, but it would be good news for the east side.</p></div>");
            related.append("<div class=\"card\"><a href=\"/news/related/").append(i).append("\"><img src=\"/img/")
                    .append(i).append(".jpg\" alt=\"\"><h3>Related story ").append(i)
                    .append(": what the new timetable means for you</h3></a><p>A short teaser for related story ")
                    .append(i).append(", shown under its picture.</p></div>");
            i++;
        }
        menu.append("</ul></nav>");
        state.append("{}]}</script>");
        related.append("</section>");
        return page
                .replace("<nav class=\"main-nav\"", menu + "<nav class=\"main-nav\"")
                .replace("</head>", state + "</head>")
                .replace("<h2>Comments (4)</h2>", "<h2>Comments</h2>" + comments)
                .replace("<section id=\"comments\"", related + "<section id=\"comments\"");
    }

    /**
     * A hostile page: {@code depth} boxes nested in one another, each holding a paragraph with a link
     * (jsoup caps element depth at 512). Reading each box's text separately costs the whole subtree
     * every time, so this is where a quadratic extractor shows.
     */
    public static String nested(int depth, int sentencesPerParagraph) {
        String paragraph = "<p>" + "Some words, with commas, and a <a href=\"/x\">link</a> inside this paragraph of text. "
                .repeat(sentencesPerParagraph) + "</p>";
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < depth; i++) {
            html.append("<div class=\"box\">").append(paragraph);
        }
        html.append("</div>".repeat(depth)).append("</body></html>");
        return html.toString();
    }

    private static String load(String name) {
        try (InputStream in = ArticlePages.class.getResourceAsStream("pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test page missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
