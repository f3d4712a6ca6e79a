package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.ArticleLink;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkLinesTest {

    private final LinkLines lines = new LinkLines(List.of(
            new ArticleLink("screwed up “finsta”", "https://a.example/1"),
            new ArticleLink("Bloomberg", "https://b.example/2"),
            new ArticleLink("iPhone scoop", "https://b.example/3"),
            new ArticleLink("1", "https://c.example/fn"),
            new ArticleLink("", "https://c.example/img")));

    @Test
    void linesMadeOfLinkTextsAreLinkLines() {
        assertThat(lines.isOnlyLinks("👴🏻👴🏻 Screwed up \"finsta\"")).isTrue();
        assertThat(lines.isOnlyLinks("Bloomberg: iPhone scoop")).isTrue();
        assertThat(lines.isOnlyLinks("Bloomberg/Gurman iPhone scoop")).isFalse();
    }

    @Test
    void linesThatSaySomethingBesidesTheirLinksAreNot() {
        assertThat(lines.isOnlyLinks("Bloomberg reports that the iPhone scoop was wrong")).isFalse();
        assertThat(lines.isOnlyLinks("Chapter 1")).isFalse();
        assertThat(LinkLines.NONE.isOnlyLinks("Bloomberg")).isFalse();
        assertThat(lines.isOnlyLinks("🍋")).isFalse();
    }
}
