package io.github.tldrbot.discord;

import static io.github.tldrbot.discord.EmbedAssertions.assertSendable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.RelatedUpdate;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** The seed card's parts beyond the basic fields (SPEC §5.4): hook, model sections, timeline, recap link, footer. */
class CardEmbedsSeedPartsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-28T08:00:00Z");
    private final CardEmbeds embeds = new CardEmbeds(List.of());

    @Test
    void hookStandsAboveTheTldr() {
        MessageEmbed embed = embeds.render(message(card("Orca 2 is out.").withHook("Orca 2 reads whole repos at once."),
                PUBLISHED, null));
        assertSendable(embed);
        assertThat(embed.getDescription()).isEqualTo("💡 Orca 2 reads whole repos at once.\n\nOrca 2 is out.");
    }

    @Test
    void footerNamesThePublisherAndHowLateTheArticleWasSeen() {
        Instant lateSighting = PUBLISHED.plusSeconds(2 * 3600 + 600);
        MessageEmbed late = embeds.render(message(card("x."), lateSighting, null));
        assertThat(late.getFooter().getText())
                .isEqualTo("extractive summary · Read original on Example News · collected 2 h after publication");

        MessageEmbed onTime = embeds.render(message(card("x."), PUBLISHED.plusSeconds(1800), null));
        assertThat(onTime.getFooter().getText()).isEqualTo("extractive summary · Read original on Example News");
    }

    @Test
    void modelSectionsTimelineAndRecapLinkFollowTheTakeaways() {
        Card card = new Card("Orca 2 is out.", null, null, null, List.of(), List.of("It has 2M context."), "openai:m",
                null, "Insight [1].", "Deep dive [1].", "Future [1].",
                List.of(new TimelineEntry(LocalDate.of(2026, 3, 1), "Orca 1 released", "https://example.org/orca-1"),
                        new TimelineEntry(LocalDate.of(2026, 11, 28), "Orca 2 released", null)));
        MessageEmbed embed = embeds.render(message(card, PUBLISHED, "https://discord.com/channels/1/2/3"));

        assertSendable(embed);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly(
                "Key takeaways", "Deep insight", "Technical deep dive", "Future implications", "Timeline",
                "This week's recap");
        assertThat(embed.getFields().get(4).getValue()).isEqualTo(
                "2026-03-01 — [Orca 1 released](https://example.org/orca-1)\n2026-11-28 — Orca 2 released");
        assertThat(embed.getFields().get(5).getValue())
                .isEqualTo("[Latest weekly recap](https://discord.com/channels/1/2/3)");
    }

    @Test
    void theExtraSectionsGoFirstWhenTheEmbedIsTooLong() {
        String para = "word ".repeat(250).strip() + ".";
        List<TimelineEntry> events = new ArrayList<>();
        for (int d = 1; d <= 20; d++) {
            events.add(new TimelineEntry(LocalDate.of(2026, 1, d), "event " + "x".repeat(100), "https://example.org/" + d));
        }
        Card card = new Card(para, para, para, para, List.of(), List.of(para, para), "openai:m", "Hook line.",
                para, para, para, events);
        MessageEmbed embed = embeds.render(message(card, PUBLISHED, "https://discord.com/channels/1/2/3"));

        assertSendable(embed);
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        List<String> names = embed.getFields().stream().map(MessageEmbed.Field::getName).toList();
        assertThat(names).contains("What changed", "Why it matters").doesNotContain("This week's recap", "Future implications");
        for (MessageEmbed.Field f : embed.getFields()) {
            if (f.getName().equals("Timeline")) {
                assertThat(f.getValue().lines()).allMatch(l -> l.endsWith(")"), "a timeline line is never cut inside its link");
            }
        }
    }

    @Test
    void anUnusableRecapLinkIsLeftOut() {
        MessageEmbed embed = embeds.render(message(card("x."), PUBLISHED, "javascript:alert(1)"));
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).doesNotContain("This week's recap");
    }

    private static Card card(String tldr) {
        return new Card(tldr, null, null, null, List.of(), List.of(), "extractive");
    }

    @Test
    void relatedUpdatesAreLinkedLinesAfterTheSourcesAndTheFirstToGoWhenTooLong() {
        Article article = new Article("id", null, "Orca 2", "https://example.org/orca-2", PUBLISHED, null, null,
                List.of(), "s", "s", null);
        List<StorySource> sources = List.of(new StorySource(1, "Orca 2", "https://example.org/orca-2", "Example News", PUBLISHED),
                new StorySource(2, "Orca 2 lands", "https://other.example/o2", "Other", PUBLISHED.plusSeconds(60)));
        List<RelatedUpdate> related = List.of(new RelatedUpdate("Orca team raises $20M", "https://example.org/raise"),
                new RelatedUpdate("Orca 1 benchmarks [leaked]", null));
        MessageEmbed embed = embeds.render(new OutgoingMessage(1L, "n", "Example News", "https://example.org/", article,
                card("Orca 2 is out."), List.of(), PUBLISHED, null, sources, related));

        assertSendable(embed);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("2 sources", "Related");
        assertThat(embed.getFields().get(1).getValue())
                .isEqualTo("• [Orca team raises $20M](https://example.org/raise)\n• Orca 1 benchmarks \\[leaked\\]");

        // a card at Discord's total limit drops the related updates before anything else
        Card full = new Card("T".repeat(4000), null, null, null, List.of(), List.of(), "openai:m", null,
                "I".repeat(1000), "D".repeat(1000), null, List.of());
        MessageEmbed trimmed = embeds.render(new OutgoingMessage(1L, "n", "Example News", "https://example.org/", article,
                full, List.of(), PUBLISHED, null, sources, related));
        assertSendable(trimmed);
        assertThat(trimmed.getFields()).extracting(MessageEmbed.Field::getName).doesNotContain("Related")
                .contains("2 sources", "Deep insight");
    }

    private static OutgoingMessage message(Card card, Instant firstSeen, String recapLink) {
        Article article = new Article("id", null, "Orca 2", "https://example.org/orca-2", PUBLISHED, null, null,
                List.of(), "s", "s", null);
        return new OutgoingMessage(1L, "n", "Example News", "https://example.org/", article, card, List.of(),
                firstSeen, recapLink);
    }
}
