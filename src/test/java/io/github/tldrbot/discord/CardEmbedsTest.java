package io.github.tldrbot.discord;

import static io.github.tldrbot.discord.EmbedAssertions.assertCutAtGraphemeBoundary;
import static io.github.tldrbot.discord.EmbedAssertions.assertSendable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class CardEmbedsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-28T09:30:00Z");
    private static final Instant FIRST_SEEN = Instant.parse("2026-11-28T10:00:00Z");
    private static final List<AudienceConfig> AUDIENCES = List.of(
            new AudienceConfig("devs", "Developers", "people who write code", null, Map.of("api", 1.0)),
            new AudienceConfig("ops", "Operators", "people who run systems", 0x00FF7F, Map.of("outage", 1.0)),
            new AudienceConfig("sec", "Security teams", "people who patch", 0xE74C3C, Map.of("cve", 1.0)));

    private final CardEmbeds embeds = new CardEmbeds(AUDIENCES);

    @Test
    void normalCardShowsEveryPartInOrder() {
        MessageEmbed embed = embeds.render(message(
                article("Kernel 7.1 released", "https://www.example.org/news/kernel-7-1", PUBLISHED,
                        "https://cdn.example.org/k.png"),
                new Card("Kernel 7.1 is out with a new scheduler.", "A new scheduler replaces the old one.",
                        "Latency drops for busy servers.", "Plan the upgrade after testing.",
                        List.of(new AudienceRef("devs", "Developers"), new AudienceRef("ops", "Operators")),
                        List.of("New scheduler", "Faster boot"), "extractive")));

        assertSendable(embed);
        assertThat(embed.getAuthor().getName()).isEqualTo("Example News");
        assertThat(embed.getAuthor().getUrl()).isEqualTo("https://www.example.org/");
        assertThat(embed.getTitle()).isEqualTo("Kernel 7.1 released");
        assertThat(embed.getUrl()).isEqualTo("https://www.example.org/news/kernel-7-1");
        assertThat(embed.getDescription()).isEqualTo("Kernel 7.1 is out with a new scheduler.");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly(
                "What changed", "Why it matters", "What to do next", "Who should care", "Key takeaways");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getValue).containsExactly(
                "A new scheduler replaces the old one.", "Latency drops for busy servers.",
                "Plan the upgrade after testing.", "Developers · Operators", "• New scheduler\n• Faster boot");
        assertThat(embed.getFields()).noneMatch(MessageEmbed.Field::isInline);
        assertThat(embed.getImage().getUrl()).isEqualTo("https://cdn.example.org/k.png");
        assertThat(embed.getThumbnail()).isNull();
        assertThat(embed.getFooter().getText()).isEqualTo("extractive summary · Read original on Example News");
        assertThat(embed.getTimestamp()).isEqualTo(OffsetDateTime.ofInstant(PUBLISHED, ZoneOffset.UTC));
        assertThat(embed.getColorRaw()).as("devs has no colour, so the next audience's").isEqualTo(0x00FF7F);
    }

    @Test
    void fallsBackToFirstSeenDefaultColourAndFeedHost() {
        MessageEmbed embed = embeds.render(message(
                article("Title", "javascript:alert(1)", null, null),
                new Card("Short.", null, null, null, List.of(new AudienceRef("devs", "Developers")), List.of(),
                        "openai:gpt-4o-mini")));

        assertSendable(embed);
        assertThat(embed.getTimestamp()).isEqualTo(OffsetDateTime.ofInstant(FIRST_SEEN, ZoneOffset.UTC));
        assertThat(embed.getColorRaw()).isEqualTo(CardEmbeds.DEFAULT_COLOR);
        assertThat(embed.getUrl()).isNull();
        assertThat(embed.getFooter().getText()).isEqualTo("AI summary (gpt-4o-mini) · Read original on Example News");
    }

    @Test
    void emptyAndBlankSectionsAreOmitted() {
        MessageEmbed embed = embeds.render(message(
                article("Title", "https://example.org/a", PUBLISHED, "  "),
                new Card("TL;DR here.", "  \n\t ", null, "", List.of(new AudienceRef(" ", " ")),
                        List.of(" ", "", "\n", "Only this"), "extractive")));

        assertSendable(embed);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("Key takeaways");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("• Only this");
        assertThat(embed.getImage()).isNull();
    }

    @Test
    void nullOrBlankEverythingStillGivesAValidEmbedWithATitle() {
        OutgoingMessage nulls = new OutgoingMessage(1L, "n1", null, null, null, null, List.of(), null);
        Article blankArticle = new Article(" ", null, " \t", " ", null, null, " ", null, " ", " ", " ");
        Card blankCard = new Card(" ", " ", " ", " ", null, null, " ");
        OutgoingMessage blanks = new OutgoingMessage(1L, "n2", " ", " ", blankArticle, blankCard, List.of(), null);

        for (OutgoingMessage message : List.of(nulls, blanks)) {
            MessageEmbed embed = embeds.render(message);
            assertSendable(embed);
            assertThat(embed.getTitle()).isEqualTo("Untitled");
            assertThat(embed.getDescription()).isNull();
            assertThat(embed.getFields()).isEmpty();
            assertThat(embed.getAuthor()).isNull();
            assertThat(embed.getFooter().getText()).isEqualTo("summary");
            assertThat(embed.getTimestamp()).isNull();
        }
    }

    @Test
    void missingTitleFallsBackToTheFirstWordsOfTheTldr() {
        String tldr = "Researchers found that the new compiler release halves build times for large "
                + "projects while keeping output identical, according to the announcement.";
        MessageEmbed embed = embeds.render(message(article(null, "https://example.org/a", PUBLISHED, null),
                new Card(tldr, null, null, null, List.of(), List.of(), "extractive")));

        assertSendable(embed);
        assertThat(embed.getTitle()).endsWith("…").hasSizeLessThanOrEqualTo(80);
        assertThat(tldr).startsWith(embed.getTitle().substring(0, embed.getTitle().length() - 1));
    }

    @Test
    void tenThousandCharacterPartsAreCutToTheirLimitsWithAnEllipsis() {
        String words = "lorem ipsum dolor sit amet ".repeat(400);
        Card card = new Card(words, words, words, words, List.of(new AudienceRef("x", words)), List.of(words),
                "openai:" + words);
        OutgoingMessage message = new OutgoingMessage(1L, "n", words, "https://example.org/",
                article(words, "https://example.org/a", PUBLISHED, null), card, List.of(), FIRST_SEEN);

        MessageEmbed embed = embeds.render(message);

        assertSendable(embed);
        assertThat(embed.getTitle()).hasSize(255).endsWith("…");
        assertThat(embed.getAuthor().getName()).endsWith("…").hasSizeLessThanOrEqualTo(256);
        assertThat(embed.getDescription()).endsWith("…").hasSizeGreaterThan(4000);
        assertThat(embed.getFooter().getText()).startsWith("AI summary (lorem").contains("… · Read original on lorem")
                .endsWith("…").hasSizeLessThanOrEqualTo(64 + 3 + 17 + 80);
        assertThat(embed.getFields()).allSatisfy(f -> assertThat(f.getValue()).endsWith("…"));
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
    }

    @Test
    void overTheTotalTakeawaysAreTrimmedFirstThenTheLaterFieldsAndTheDescriptionLast() {
        String words = "alpha beta gamma delta ".repeat(500);
        List<AudienceRef> many = IntStream.range(0, 300).mapToObj(i -> new AudienceRef("a" + i, "Audience " + i))
                .toList();
        List<String> takeaways = IntStream.range(0, 100).mapToObj(i -> "Takeaway number " + i).toList();
        Card card = new Card(words, words, words, words, many, takeaways, "extractive");
        List<String> categories = IntStream.range(0, 500).mapToObj(i -> "category-" + i).toList();
        Article article = new Article("id", null, words, "https://example.org/a", PUBLISHED, null, null,
                categories, words, words, null);

        MessageEmbed embed = embeds.render(new OutgoingMessage(1L, "n", words, "https://example.org/", article,
                card, List.of(), FIRST_SEEN));

        assertSendable(embed);
        assertThat(embed.getLength()).isGreaterThan(5900);
        assertThat(embed.getDescription()).as("description untouched by the total trim")
                .hasSizeGreaterThan(MessageEmbed.DESCRIPTION_MAX_LENGTH - 30);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
                .containsExactly("What changed", "Why it matters");
        assertThat(embed.getFields().get(0).getValue()).hasSizeGreaterThan(MessageEmbed.VALUE_MAX_LENGTH - 30);
        assertThat(embed.getFields().get(1).getValue()).endsWith("…")
                .hasSizeLessThan(embed.getFields().get(0).getValue().length());
    }

    @Test
    void hundredsOfAudiencesAndTakeawaysFitTheirFields() {
        List<AudienceRef> many = IntStream.range(0, 300).mapToObj(i -> new AudienceRef("a" + i, "Audience " + i))
                .toList();
        List<String> takeaways = IntStream.range(0, 100).mapToObj(i -> "Takeaway number " + i).toList();
        MessageEmbed embed = embeds.render(message(article("T", "https://example.org/a", PUBLISHED, null),
                new Card("Short.", null, null, null, many, takeaways, "extractive")));

        assertSendable(embed);
        String who = embed.getFields().get(0).getValue();
        assertThat(who).startsWith("Audience 0 · Audience 1 · ").endsWith("…").doesNotEndWith("·…");
        String bullets = embed.getFields().get(1).getValue();
        List<String> lines = List.of(bullets.split("\n"));
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).startsWith("• Takeaway number "));
        assertThat(bullets).endsWith("…");
        assertThat(lines.get(0)).isEqualTo("• Takeaway number 0");
    }

    @Test
    void hostileCharactersAtEveryCutPositionNeverBreakAGrapheme() {
        String[] tricky = {"👨‍👩‍👧‍👦", "👍🏽", "🇫🇷🇩🇪🇯🇵", "é́̂", "😀", "ก่ำ", "❤️", "1️⃣"};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String piece : tricky) {
                String unspaced = piece.repeat(700);
                for (int offset = 0; offset < 24; offset++) {
                    String title = "x".repeat(240 + offset) + unspaced;
                    String description = "y".repeat(4080 + offset) + unspaced;
                    String value = "z".repeat(1010 + offset) + unspaced;
                    String spaced = ("w".repeat(offset) + piece + " ").repeat(400);
                    MessageEmbed embed = embeds.render(message(article(title, "https://example.org/a", PUBLISHED, null),
                            new Card(description, value, spaced, value, List.of(), List.of(spaced), "extractive")));
                    assertSendable(embed);
                    assertCutAtGraphemeBoundary(title, embed.getTitle());
                    assertCutAtGraphemeBoundary(description, embed.getDescription());
                    for (MessageEmbed.Field field : embed.getFields()) {
                        String source = field.getName().equals("Why it matters") ? spaced.strip() : value;
                        if (!field.getName().equals("Key takeaways")) {
                            assertCutAtGraphemeBoundary(source, field.getValue());
                        }
                        assertThat(field.getValue()).endsWith("…");
                    }
                }
            }
        });
    }

    @Test
    void randomHostileInputAlwaysGivesASendableEmbed() {
        String[] alphabet = {"a", "word ", " ", "\n", "\t", "*", "_", "\\", "`", "|", "~", ">", "#", "-", "<@&1>",
            "@everyone", "😀", "👨‍👩‍👧‍👦", "👍🏽", "🇫🇷", "é́", "ก่ำ", "\uD83D", "\uDE00", "\u0000", "\u200B",
            "https://example.org/a_b ", "…", "、", "我们"};
        java.util.Random random = new java.util.Random(20261129L);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 200; round++) {
                String[] parts = new String[12];
                for (int i = 0; i < parts.length; i++) {
                    int pieces = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 40 : 3000);
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < pieces; j++) {
                        sb.append(alphabet[random.nextInt(alphabet.length)]);
                    }
                    parts[i] = random.nextInt(10) == 0 ? null : sb.toString();
                }
                List<AudienceRef> refs = IntStream.range(0, random.nextInt(400))
                        .mapToObj(i -> new AudienceRef(parts[0], parts[i % 12])).toList();
                List<String> takeaways = IntStream.range(0, random.nextInt(150)).mapToObj(i -> java.util.Objects.requireNonNullElse(parts[(i + 3) % 12], " "))
                        .toList();
                Article article = new Article("id", null, parts[1], "https://example.org/" + parts[2], PUBLISHED,
                        null, parts[3], List.of(), parts[4], parts[5], parts[6]);
                Card card = new Card(parts[7], parts[8], parts[9], parts[10], refs, takeaways, parts[11]);
                MessageEmbed embed = embeds.render(new OutgoingMessage(1L, "n", parts[2], "https://" + parts[3],
                        article, card, List.of(), FIRST_SEEN));
                assertSendable(embed);
                if (parts[1] != null && parts[1].length() > 10_000) {
                    assertThat(embed.getTitle()).endsWith("…");
                }
            }
        });
    }

    @Test
    void aHostTooLongForDnsIsLeftOutOfTheFooter() {
        String longHost = "https://" + "a".repeat(1900) + ".example/";
        MessageEmbed embed = embeds.render(new OutgoingMessage(1L, "n", "F", longHost,
                article("T", longHost, PUBLISHED, null),
                new Card("x", null, null, null, List.of(), List.of(), "extractive"), List.of(), FIRST_SEEN));
        assertSendable(embed);
        assertThat(embed.getUrl()).isEqualTo(longHost);
        assertThat(embed.getFooter().getText()).isEqualTo("extractive summary · Read original on F");
    }

    @Test
    void loneSurrogatesAndControlCharactersInInputAreRepaired() {
        String broken = "Bad \uD83D text \uDE00 here\u0000\u0007 end";
        MessageEmbed embed = embeds.render(message(article(broken, "https://example.org/a", PUBLISHED, null),
                new Card(broken, broken, null, null, List.of(), List.of(broken), "extractive")));

        assertSendable(embed);
        assertThat(embed.getTitle()).isEqualTo("Bad \uFFFD text \uFFFD here end");
    }

    @Test
    void invalidUrlsAreDroppedNeverThrown() {
        String[] bad = {"javascript:alert(1)", "ftp://example.org/f", "https://example.org/" + "a".repeat(3000),
                "https://exa mple.org/", "http://", "https:///path", "/relative/path", "mailto:a@b.c",
                "https://example.org/\u0000", "data:image/png;base64,AAAA", "  ", "https://exa\uD83Dmple.org/"};
        for (String url : bad) {
            OutgoingMessage message = new OutgoingMessage(1L, "n", "Feed", url, article("T", url, PUBLISHED, url),
                    new Card("x", null, null, null, List.of(), List.of(), "extractive"), List.of(), FIRST_SEEN);
            MessageEmbed embed = embeds.render(message);
            assertSendable(embed);
            assertThat(embed.getUrl()).as(url).isNull();
            assertThat(embed.getImage()).as(url).isNull();
            assertThat(embed.getAuthor().getUrl()).as(url).isNull();
            assertThat(embed.getFooter().getText()).isEqualTo("extractive summary · Read original on Feed");
        }
        MessageEmbed upper = embeds.render(message(article("T", "  HTTPS://Example.ORG/x  ", PUBLISHED, null),
                new Card("x", null, null, null, List.of(), List.of(), "extractive")));
        assertThat(upper.getUrl()).isEqualTo("HTTPS://Example.ORG/x");
    }

    @Test
    void markdownInArticleTextIsEscapedButLinksStayClickable() {
        MessageEmbed embed = embeds.render(message(
                article("**Breaking** _news_ `x` ~~y~~ ||z|| <@&1> C:\\_tmp", "https://example.org/a", PUBLISHED, null),
                new Card("# Not a heading\n> not a quote\n1. not a list, see https://example.org/a_b_c_d",
                        null, null, null, List.of(), List.of("*starred*"), "extractive")));

        assertSendable(embed);
        assertThat(embed.getTitle()).isEqualTo(
                "\\*\\*Breaking\\*\\* \\_news\\_ \\`x\\` \\~\\~y\\~\\~ \\|\\|z\\|\\| \\<@&1> C:\\\\\\_tmp");
        assertThat(embed.getDescription()).isEqualTo(
                "\\# Not a heading\n\\> not a quote\n1\\. not a list, see https://example.org/a_b_c_d");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("• \\*starred\\*");
    }

    @Test
    void aCutNeverLeavesALoneBackslashBeforeTheEllipsis() {
        for (int offset = 0; offset < 8; offset++) {
            String title = "a".repeat(250 + offset) + "*".repeat(40);
            MessageEmbed embed = embeds.render(message(article(title, "https://example.org/a", PUBLISHED, null),
                    new Card("x", null, null, null, List.of(), List.of(), "extractive")));
            assertSendable(embed);
            String head = embed.getTitle().substring(0, embed.getTitle().length() - 1);
            int trailing = head.length() - head.replaceAll("\\\\+$", "").length();
            assertThat(trailing % 2).as(embed.getTitle()).isZero();
        }
    }

    @Test
    void colourIsMaskedToRgbAndOutOfRangeTimestampsAreDropped() {
        CardEmbeds odd = new CardEmbeds(List.of(new AudienceConfig("a", "A", null, -1, Map.of())));
        List<AudienceRef> refs = new ArrayList<>();
        refs.add(new AudienceRef("unknown", "Unknown"));
        refs.add(new AudienceRef("a", "A"));
        MessageEmbed embed = odd.render(new OutgoingMessage(1L, "n", "F", null,
                article("T", null, Instant.MAX, null),
                new Card("x", null, null, null, refs, List.of(), "extractive"), List.of(), Instant.MIN));
        assertSendable(embed);
        assertThat(embed.getColorRaw()).isEqualTo(0xFFFFFF);
        assertThat(embed.getTimestamp()).isNull();
    }

    private static OutgoingMessage message(Article article, Card card) {
        return new OutgoingMessage(42L, "nonce-1", "Example News", "https://www.example.org/", article, card,
                List.of(), FIRST_SEEN);
    }

    private static Article article(String title, String link, Instant published, String image) {
        return new Article("id-1", null, title, link, published, null, null, List.of(), null, null, image);
    }
}
