package io.github.tldrbot.discord;

import static io.github.tldrbot.recap.RecapFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.recap.RecapFixture;
import io.github.tldrbot.recap.RecapItem;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recap rendering: Discord's limits, markdown safety, paging by length. */
class RecapMessagesTest {
    @TempDir
    Path dir;
    RecapFixture fx;
    RecapMessages messages;

    @BeforeEach
    void open() {
        fx = new RecapFixture(dir);
        messages = new RecapMessages(fx.service());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void longLinesPageByDescriptionLengthNotOnlyByCount() {
        long feed = fx.feed("Feed", 1);
        for (int i = 0; i < 12; i++) {
            fx.article(feed, "Headline " + i + " " + "x".repeat(i) + " " + "word".repeat(40),
                    "https://example.com/" + i + "/" + "a".repeat(470), "s", Duration.ofHours(i + 1), "tl ".repeat(120));
        }
        RecapRequest request = new RecapRequest(1, RecapPeriod.WEEK, null, null, null, 12, NOW);
        int shown = 0;
        int pages = 0;
        for (int page = 0; page < 12; page++) {
            MessageCreateData data = messages.page(request, page);
            MessageEmbed embed = data.getEmbeds().get(0);
            assertThat(embed.getDescription().length()).isLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
            assertThat(embed.isSendable()).isTrue();
            if (embed.getFooter().getText().startsWith("Page " + (page + 1) + "/")) {
                shown += embed.getDescription().split("\n").length;
                pages++;
            }
        }
        assertThat(shown).isEqualTo(12);
        assertThat(pages).isGreaterThan(2);
    }

    @Test
    void linesEscapeMarkdownAndNameAtMostThreeSources() {
        RecapItem item = new RecapItem("*Bold* [claim](javascript:x) __init__", "https://ex.example/a(b)", "Use `rm -rf` *now*",
                List.of("One", "Two", "Three", "Four", "Five"), NOW, 1.0);
        assertThat(messages.line(3, item)).isEqualTo("3. **[\\*Bold\\* \\[claim\\](javascript:x) \\_\\_init\\_\\_]"
                + "(https://ex.example/a%28b%29)** — Use \\`rm -rf\\` \\*now\\* · 5 sources: One, Two, Three +2 more");
        RecapItem unsafe = new RecapItem("No link", "javascript:alert(1)", null, List.of(), NOW, 1.0);
        assertThat(messages.line(1, unsafe)).isEqualTo("1. **No link**");
    }

    @Test
    void titlesSpanMonthsAndYears() {
        long feed = fx.feed("Feed", 1);
        fx.article(feed, "Story", "https://example.com/s", "s", Duration.ofHours(1), "t");
        assertThat(messages.firstPage(new RecapRequest(1, RecapPeriod.DAY, null, null, null, 5, NOW)).getEmbeds().get(0).getTitle())
                .isEqualTo("Daily recap · 28–29 Nov 2026");
        assertThat(messages.firstPage(new RecapRequest(1, RecapPeriod.WEEK, null, null, null, 5,
                java.time.Instant.parse("2027-01-03T10:00:00Z"))).getContent()).contains("(27 Dec 2026 – 3 Jan 2027)");
    }
}
