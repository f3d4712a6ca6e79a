package io.github.tldrbot.discord.commands;

import static io.github.tldrbot.recap.RecapFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.discord.RecapMessages;
import io.github.tldrbot.recap.RecapFixture;
import io.github.tldrbot.recap.RecapService;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.FakeDiscordJda;
import io.github.tldrbot.testing.discord.Interactions;
import io.github.tldrbot.testing.discord.RecordedRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /recap, its paging buttons and /audiences against the Discord stand-in and a real SQLite file. */
class RecapCommandTest {
    static final long GUILD = 100;
    static final long CHANNEL = 101;

    @TempDir
    Path dir;
    private RecapFixture fx;
    private FakeDiscord discord;
    private JDA jda;
    private CommandRouter router;
    private Interactions ui;
    private long alpha;
    private long beta;
    private List<SlashCommand> commands;

    @BeforeEach
    void start() throws Exception {
        fx = new RecapFixture(dir);
        alpha = fx.feed("Alpha News", GUILD);
        beta = fx.feed("Beta Weekly", GUILD);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RecapService service = fx.service();
        RecapMessages messages = new RecapMessages(service);
        discord = FakeDiscord.builder().token("t").botUser(10, "bot").guild(g -> g.id(GUILD).name("G").textChannel(CHANNEL, "news"))
                .build().start();
        jda = FakeDiscordJda.connect(discord);
        commands = List.of(new RecapCommand(service, messages, fx.recapStore, clock),
                new AudiencesCommand(service, fx.recapStore, clock));
        router = new CommandRouter(commands, List.of(new RecapPageButtons(messages)));
        jda.addEventListener(router);
        ui = new Interactions(discord, GUILD, CHANNEL, "news");
    }

    @AfterEach
    void stop() throws Exception {
        router.close();
        jda.shutdown();
        jda.awaitShutdown(Duration.ofSeconds(5));
        discord.close();
        fx.close();
    }

    private void stories(int count) {
        for (int i = 1; i <= count; i++) {
            fx.article(i % 2 == 0 ? beta : alpha, "Story " + i + " " + "word" + i, "https://news.example/story/" + i,
                    "summary " + i, Duration.ofHours(i), "What happened in story " + i + ".", "developers");
        }
    }

    private static List<String> lines(ObjectNode message) {
        return List.of(message.at("/embeds/0/description").asText().split("\n"));
    }

    /**
     * The reply as JDA sent it (the last edit of the interaction's original message): the stand-in's
     * stored message keeps embeds but not components, so buttons are read from the request itself.
     */
    private ObjectNode sentEdit(String token) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> edits(token).size() > 0);
        List<RecordedRequest> edits = edits(token);
        return (ObjectNode) new ObjectMapper().readTree(edits.get(edits.size() - 1).body());
    }

    /** The sent edit carries no message id; the click needs the stored message's. */
    private static ObjectNode withId(ObjectNode edit, Interactions.Sent sent) {
        ObjectNode message = edit.deepCopy();
        message.put("id", sent.awaitReply().path("id").asText());
        return message;
    }

    private List<RecordedRequest> edits(String token) {
        return discord.requests().stream().filter(r -> r.method().equals("PATCH")
                && r.path().contains("/" + token + "/messages/@original")).toList();
    }

    private static List<String> buttonIds(ObjectNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode button : row.path("components")) {
                ids.add(button.path("custom_id").asText());
            }
        }
        return ids;
    }

    @Test
    void theRegisteredOptionsAreTheSpecsContract() {
        CommandRegistrar.register(jda, commands, List.of(Long.toString(GUILD)));
        ObjectNode recap = discord.commands(GUILD).stream().filter(c -> c.path("name").asText().equals("recap")).findFirst()
                .orElseThrow();
        List<String> options = new ArrayList<>();
        recap.path("options").forEach(o -> options.add(o.path("name").asText() + ":" + o.path("type").asInt()
                + (o.path("autocomplete").asBoolean() ? ":auto" : "") + (o.path("required").asBoolean() ? ":required" : "")));
        assertThat(options).containsExactly("period:3", "audience:3:auto", "topic:3", "feed:3:auto", "limit:4", "private:5");
        JsonNode period = recap.path("options").get(0);
        assertThat(period.path("choices").findValuesAsText("value")).containsExactly("day", "week", "month");
        JsonNode limit = recap.path("options").get(4);
        assertThat(limit.path("min_value").asInt()).isEqualTo(1);
        assertThat(limit.path("max_value").asInt()).isEqualTo(25);
        assertThat(recap.path("contexts")).extracting(JsonNode::asInt).containsExactly(0);
        assertThat(recap.path("default_member_permissions").isNull() || recap.path("default_member_permissions").isMissingNode())
                .isTrue();
        assertThat(discord.commands(GUILD)).extracting(c -> c.path("name").asText()).containsExactlyInAnyOrder("recap", "audiences");
    }

    @Test
    void recapRepliesWithOneEmbedOfNumberedStories() {
        stories(3);
        fx.article(alpha, "Old news", "https://news.example/old", "s", Duration.ofDays(8), "t", "developers");

        Interactions.Sent sent = ui.slash("recap").send();
        ObjectNode reply = sent.awaitReply();
        assertThat(sent.ephemeral()).isFalse();
        assertThat(reply.at("/embeds/0/title").asText()).isEqualTo("Weekly recap · 22–29 Nov 2026");
        assertThat(lines(reply)).containsExactly(
                "1. **[Story 1 word1](https://news.example/story/1)** — What happened in story 1. · Alpha News",
                "2. **[Story 2 word2](https://news.example/story/2)** — What happened in story 2. · Beta Weekly",
                "3. **[Story 3 word3](https://news.example/story/3)** — What happened in story 3. · Alpha News");
        assertThat(reply.at("/embeds/0/footer/text").asText()).isEqualTo("3 stories from 3 articles · no filters");
        assertThat(buttonIds(reply)).isEmpty();
    }

    @Test
    void filtersShowInTheFooterAndMonthlyTitleSpansMonths() {
        stories(2);
        ObjectNode reply = ui.slash("recap").string("period", "month").string("audience", "developers")
                .string("topic", "word2").string("feed", Long.toString(beta)).send().awaitReply();
        assertThat(reply.at("/embeds/0/title").asText()).isEqualTo("Monthly recap · 30 Oct – 29 Nov 2026");
        assertThat(lines(reply)).hasSize(1).first().asString().contains("Story 2 word2");
        assertThat(reply.at("/embeds/0/footer/text").asText())
                .isEqualTo("1 story from 1 article · audience: Developers & AI Engineers · topic: word2 · feed: Beta Weekly");
        assertThat(reply.at("/embeds/0/color").asInt()).isEqualTo(0x3366FF);
    }

    @Test
    void moreStoriesThanAPageGetButtonsAndAClickShowsPageTwo() throws Exception {
        stories(14);
        Interactions.Sent sent = ui.slash("recap").integer("limit", 25).send();
        ObjectNode first = sentEdit(sent.token());
        assertThat(lines(first)).hasSize(10);
        assertThat(first.at("/embeds/0/footer/text").asText()).startsWith("Page 1/2 · stories 1–10 of 14 from 14 articles");
        List<String> ids = buttonIds(first);
        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).startsWith("recap:").hasSizeLessThanOrEqualTo(100));
        assertThat(first.at("/components/0/components/0/disabled").asBoolean()).isTrue();

        Interactions.Sent click = ui.click(ids.get(1), withId(first, sent));
        assertThat(click.awaitCallback().at("/body/type").asInt()).isEqualTo(6);
        ObjectNode second = sentEdit(click.token());
        assertThat(lines(second)).hasSize(4).first().asString().startsWith("11. **[Story 11 word11]");
        assertThat(second.at("/embeds/0/footer/text").asText()).startsWith("Page 2/2 · stories 11–14 of 14");
        assertThat(second.at("/components/0/components/1/disabled").asBoolean()).isTrue();
    }

    @Test
    void aLongTopicStillGetsWorkingButtons() throws Exception {
        stories(12);
        String topic = "story " + "summary ".repeat(10).trim();
        Interactions.Sent sent = ui.slash("recap").string("topic", topic).integer("limit", 12).send();
        ObjectNode first = sentEdit(sent.token());
        List<String> ids = buttonIds(first);
        assertThat(ids).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(100));
        Interactions.Sent click = ui.click(ids.get(1), withId(first, sent));
        assertThat(lines(sentEdit(click.token()))).hasSize(2);
    }

    @Test
    void noResultIsAFriendlyHint() {
        stories(1);
        String text = ui.slash("recap").string("period", "day").string("topic", "quantum").send().awaitReplyText();
        assertThat(text).startsWith("📭 No stories in the last day (28–29 Nov 2026) for topic: quantum")
                .contains("`period:week` or `period:month`").contains("a broader topic");
    }

    @Test
    void privateRecapsAreEphemeral() {
        stories(1);
        Interactions.Sent sent = ui.slash("recap").bool("private", true).send();
        assertThat(sent.ephemeral()).isTrue();
        assertThat(lines(sent.awaitReply())).hasSize(1);
    }

    @Test
    void unknownAudienceOrFeedOrWordlessTopicIsAnsweredPrivately() {
        stories(1);
        Interactions.Sent audience = ui.slash("recap").string("audience", "astronauts").send();
        assertThat(audience.awaitReplyText()).startsWith("⚠️ Unknown audience 'astronauts'");
        assertThat(audience.awaitReply().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(ui.slash("recap").string("feed", "999").send().awaitReplyText()).startsWith("⚠️ Unknown feed '999'");
        assertThat(ui.slash("recap").string("topic", "\"*()\"").send().awaitReplyText()).contains("has no word to search for");
    }

    @Test
    void autocompleteOffersAudiencesAndTheGuildsFeeds() {
        fx.feed("Somebody Else's Feed", 555);
        assertThat(ui.autocomplete("recap").focused("audience", "sec").send().awaitChoices())
                .extracting(c -> c.path("name").asText() + "=" + c.path("value").asText()).containsExactly("Security (security)=security");
        assertThat(ui.autocomplete("recap").focused("feed", "").send().awaitChoices())
                .extracting(c -> c.path("name").asText() + "=" + c.path("value").asText())
                .containsExactly("Alpha News=" + alpha, "Beta Weekly=" + beta);
        assertThat(ui.autocomplete("recap").focused("feed", "beta").send().awaitChoices()).hasSize(1);
    }

    @Test
    void audiencesListsDescriptionsAndWeeklyCounts() {
        stories(3);
        fx.article(alpha, "Sec", "https://news.example/sec", "s", Duration.ofHours(1), "t", "security", "developers");
        fx.article(alpha, "Old sec", "https://news.example/oldsec", "s", Duration.ofDays(8), "t", "security");
        Interactions.Sent sent = ui.slash("audiences").send();
        ObjectNode reply = sent.awaitReply();
        assertThat(sent.ephemeral()).isTrue();
        List<String> fields = new ArrayList<>();
        reply.at("/embeds/0/fields").forEach(f -> fields.add(f.path("name").asText() + " | " + f.path("value").asText()));
        assertThat(fields).containsExactly(
                "Developers & AI Engineers (`developers`) — 4 cards | People who build software",
                "Security (`security`) — 1 card | People who keep systems safe",
                "Founders & Executives (`founders`) — 0 cards | People who run companies");
    }
}
