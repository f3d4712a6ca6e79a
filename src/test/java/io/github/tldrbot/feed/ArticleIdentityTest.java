package io.github.tldrbot.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity rules of SPEC §4.2, through the parser and on {@link ArticleIdentity} directly. */
class ArticleIdentityTest {

    private final FeedParser parser = new FeedParser();
    private final ArticleIdentity identity = new ArticleIdentity();

    private List<Article> parse(String items) throws FeedParseException {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://e.example/</link>"
                + items + "</channel></rss>";
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://e.example/rss").articles();
    }

    private static Map<String, String> idByTitle(List<Article> articles) {
        return articles.stream().collect(Collectors.toMap(Article::title, Article::id));
    }

    private static Article article(String guid, String link, String title, String summary) {
        return new Article(null, guid, title, link, null, null, null, List.of(), summary, summary, null);
    }

    @Test
    void idsSurviveReordering() throws Exception {
        String a = "<item><title>A</title><guid>ga</guid><link>https://e.example/a</link></item>";
        String b = "<item><title>B</title><link>https://e.example/b</link></item>";
        String c = "<item><title>C</title><description>only text</description></item>";
        Map<String, String> before = idByTitle(parse(a + b + c));
        Map<String, String> after = idByTitle(parse(c + a + b));
        assertThat(after).isEqualTo(before);
        assertThat(before).containsEntry("A", "guid:ga").containsEntry("B", "link:https://e.example/b");
        assertThat(before.get("C")).startsWith("hash:").hasSize("hash:".length() + 32);
    }

    @Test
    void editingTheTextOfAnItemWithGuidOrLinkKeepsItsId() throws Exception {
        String before = idByTitle(parse("<item><title>Old title</title><guid>g1</guid><description>v1</description></item>"
                + "<item><title>Linked</title><link>https://e.example/x</link><description>v1</description></item>"))
                .values().stream().sorted().collect(Collectors.joining(","));
        String after = idByTitle(parse("<item><title>New title</title><guid>g1</guid><description>v2 edited</description></item>"
                + "<item><title>Linked, fixed typo</title><link>https://e.example/x</link><description>v2</description></item>"))
                .values().stream().sorted().collect(Collectors.joining(","));
        assertThat(after).isEqualTo(before).isEqualTo("guid:g1,link:https://e.example/x");
    }

    @Test
    void duplicatedGuidsFallBackToLinksThenToLinkPlusHash() throws Exception {
        List<Article> articles = parse(
                "<item><title>One</title><guid>same</guid><link>https://e.example/1</link></item>"
                + "<item><title>Two</title><guid>same</guid><link>https://e.example/2</link></item>"
                + "<item><title>Three</title><guid>same</guid><link>https://e.example/2</link></item>"
                + "<item><title>Four</title><guid>unique</guid><link>https://e.example/2</link></item>");
        Map<String, String> ids = idByTitle(articles);
        assertThat(ids.get("One")).isEqualTo("link:https://e.example/1");
        assertThat(ids.get("Two")).startsWith("link:https://e.example/2#");
        assertThat(ids.get("Three")).startsWith("link:https://e.example/2#").isNotEqualTo(ids.get("Two"));
        assertThat(ids.get("Four")).isEqualTo("guid:unique");
        assertThat(articles).extracting(Article::guid).containsExactly("same", "same", "same", "unique");
    }

    @Test
    void missingGuidAndLinkUsesAHashOfTitleAndSummary() throws Exception {
        List<Article> first = parse("<item><title>No ids</title><description>Body</description></item>");
        List<Article> again = parse("<item><title>Other</title></item><item><title>No ids</title><description>Body</description></item>");
        assertThat(first.get(0).id()).startsWith("hash:").isEqualTo(again.get(1).id());
        assertThat(first.get(0).guid()).isNull();
        assertThat(first.get(0).link()).isNull();
    }

    @Test
    void entriesIdenticalInEveryFieldStillGetDistinctIds() {
        List<Article> out = identity.identify(List.of(
                article(null, null, "Same", "same"), article(null, null, "Same", "same"), article("g", null, "x", "y")));
        assertThat(out).extracting(Article::id).doesNotHaveDuplicates().hasSize(3);
        assertThat(out.get(1).id()).isEqualTo(out.get(0).id() + "#2");
    }

    @Test
    void kindPrefixesKeepAGuidEqualToAnotherEntrysLinkApart() {
        List<Article> out = identity.identify(List.of(
                article("https://e.example/p", null, "a", ""), article(null, "https://e.example/p", "b", "")));
        assertThat(out).extracting(Article::id).containsExactly("guid:https://e.example/p", "link:https://e.example/p");
    }

    @Test
    void identifyKeepsEveryOtherField() {
        Article in = new Article(null, "g", "t", "https://e.example/", null, null, "au", List.of("c"), "s", "ct", "img");
        Article out = identity.identify(List.of(in)).get(0);
        assertThat(out).usingRecursiveComparison().ignoringFields("id").isEqualTo(in);
        assertThat(out.id()).isEqualTo("guid:g");
    }
}
