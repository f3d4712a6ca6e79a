package io.github.tldrbot.llm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.config.OpenAiConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.poll.MutableClock;
import io.github.tldrbot.testing.openai.FakeOpenAi;
import io.github.tldrbot.testing.openai.FakeOpenAi.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class OpenAiSummarizerTest {

    private static final String KEY = "sk-test-SECRET-4242-abcdef";
    private static final List<AudienceConfig> AUDIENCES = DefaultAudiences.list();
    private static final String CARD = """
            {"tldr":"Acme released Widget 2.0 with faster sync.","whatChanged":"Widget 2.0 is out.",
             "whyItMatters":"Sync is twice as fast for teams.","whatToDoNext":"Read the notes: https://example.org/widget-2",
             "whoShouldCare":["developers","executives"],"keyTakeaways":["Free for small teams","Linux build added"]}""";

    private final FakeOpenAi server = FakeOpenAi.start();
    private final Summarizer extractive = new ExtractiveSummarizer(new AudienceClassifier(AUDIENCES));
    private final InMemoryCardCache cache = new InMemoryCardCache();
    private final List<OpenAiSummarizer> opened = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level rootLevel;

    @BeforeEach
    void captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE); // every line the summarizer and the JDK HTTP client write is checked for the key
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        opened.forEach(OpenAiSummarizer::close);
        server.close();
    }

    private OpenAiConfig config(Duration timeout, int maxConcurrent) {
        return new OpenAiConfig(server.baseUrl(), "llama3.1:8b", KEY, timeout, maxConcurrent, 60_000, 4000, 0.2);
    }

    private OpenAiSummarizer summarizer(OpenAiConfig config, Clock clock) {
        OpenAiSummarizer s = new OpenAiSummarizer(config, AUDIENCES, extractive, cache, clock);
        opened.add(s);
        return s;
    }

    private OpenAiSummarizer summarizer() {
        return summarizer(config(Duration.ofSeconds(5), 2), Clock.systemUTC());
    }

    private static Article article(String title, String text) {
        return new Article("id-" + title.hashCode(), null, title, "https://example.org/widget-2", Instant.parse("2026-01-01T00:00:00Z"),
                null, null, List.of(), text, text, null);
    }

    private static Article widget() {
        return article("Acme releases Widget 2.0",
                "Acme released Widget 2.0 today. Developers can download the new SDK and update their apps. "
                        + "The release doubles sync speed and adds a Linux build. Startups get it free for small teams.");
    }

    private List<String> logLines() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void jsonSchemaServerGivesAModelWrittenCardFromAWellFormedRequest() {
        server.answer(CARD);
        OpenAiSummarizer s = summarizer(new OpenAiConfig(server.baseUrl() + "/", "llama3.1:8b", KEY, Duration.ofSeconds(5), 2, 60_000, 4000, 0.2),
                Clock.systemUTC());

        Card card = s.summarize(widget());

        assertThat(card.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(card.tldr()).isEqualTo("Acme released Widget 2.0 with faster sync.");
        assertThat(card.whatToDoNext()).isEqualTo("Read the notes: https://example.org/widget-2");
        assertThat(card.whoShouldCare()).extracting(AudienceRef::id).containsExactly("developers", "executives");
        assertThat(card.whoShouldCare().get(0).label()).isEqualTo(label("developers"));
        assertThat(card.keyTakeaways()).containsExactly("Free for small teams", "Linux build added");

        assertThat(server.requests()).hasSize(1);
        FakeOpenAi.Recorded request = server.requests().get(0);
        JsonNode body = request.body();
        assertThat(body.path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText())
                .contains("ONLY", "developers: " + label("developers"), "whatToDoNext");
        assertThat(body.path("messages").get(1).path("content").asText())
                .contains("Acme releases Widget 2.0", "https://example.org/widget-2", "doubles sync speed");
        JsonNode rf = body.path("response_format");
        assertThat(rf.path("type").asText()).isEqualTo("json_schema");
        assertThat(rf.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode ids = rf.path("json_schema").path("schema").path("properties").path("whoShouldCare").path("items").path("enum");
        List<String> enumIds = new ArrayList<>();
        ids.forEach(n -> enumIds.add(n.asText()));
        assertThat(enumIds).containsExactlyElementsOf(AUDIENCES.stream().map(AudienceConfig::id).toList());
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void articleTextIsCutToMaxInputCharsAtAWordBoundary() {
        server.answer(CARD);
        String text = "Sentence number one about the widget release. ".repeat(40).strip();
        summarizer(new OpenAiConfig(server.baseUrl(), "m", "", Duration.ofSeconds(5), 1, 0, 200, 0), Clock.systemUTC())
                .summarize(article("Widget", text));

        String user = server.requests().get(0).body().path("messages").get(1).path("content").asText();
        String sent = user.substring(user.indexOf("Text:\n") + "Text:\n".length());
        assertThat(sent).hasSizeLessThanOrEqualTo(200).endsWith("…");
        assertThat(text).startsWith(sent.substring(0, sent.length() - 1));
        assertThat(text.charAt(sent.length() - 1)).isIn(' ', '.');
    }

    @Test
    void noAuthorizationHeaderWithoutAKey() {
        server.answer(CARD);
        summarizer(new OpenAiConfig(server.baseUrl(), "m", "", Duration.ofSeconds(5), 1, 0, 4000, 0), Clock.systemUTC())
                .summarize(widget());
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void jsonModeOnlyServerIsAskedForJsonObjectAndRemembered() {
        server.supports(Capability.JSON_OBJECT).answer(CARD);
        OpenAiSummarizer s = summarizer();

        Card first = s.summarize(widget());
        Card second = s.summarize(article("Another story", "Something else happened to the widget today."));

        assertThat(first.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(second.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(server.requests()).extracting(FakeOpenAi.Recorded::formatType)
                .containsExactly("json_schema", "json_object", "json_object");
        assertThat(server.requests().get(1).body().path("messages").get(0).path("content").asText()).contains("\"whoShouldCare\"");
    }

    @Test
    void aBadRequestAfterTheSchemaWorkedDoesNotDowngrade() {
        server.answer(CARD);
        OpenAiSummarizer s = summarizer();
        s.summarize(widget());
        server.thenStatus(400, "{\"error\":\"context length exceeded\"}", null);

        assertThat(s.summarize(article("Long one", "A very long story.")).summarizer()).isEqualTo("extractive");
        assertThat(s.summarize(article("Next one", "Another story.")).summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(server.requests()).extracting(FakeOpenAi.Recorded::formatType)
                .containsExactly("json_schema", "json_schema", "json_schema");
    }

    @Test
    void plainTextServerAnswerInFencesIsExtracted() {
        server.supports().answer("Sure! Here is the card:\n```json\n" + CARD + "\n```\nHope this helps {smile}.");
        OpenAiSummarizer s = summarizer();

        Card card = s.summarize(widget());
        s.summarize(article("Another story", "Something else happened to the widget today."));

        assertThat(card.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(card.tldr()).isEqualTo("Acme released Widget 2.0 with faster sync.");
        assertThat(server.requests()).extracting(FakeOpenAi.Recorded::formatType)
                .containsExactly("json_schema", "json_object", "none", "none");
    }

    @Test
    void invalidJsonFallsBackToTheExtractiveCard() {
        server.answer("{\"tldr\": \"unterminated");
        Card card = summarizer().summarize(widget());

        assertThat(card).isEqualTo(extractive.summarize(widget()));
        assertThat(card.summarizer()).isEqualTo("extractive");
        assertThat(cache.size()).isZero();
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("cause=invalid-output"));
    }

    @Test
    void wrongTypesAreCoercedOrDropped() {
        server.answer("""
                {"tldr":"Widget 2.0 ships.","whatChanged":2,"whyItMatters":{"nested":"object"},
                 "whatToDoNext":["Update", "today."],"whoShouldCare":"security","keyTakeaways":"One single point"}""");
        Card card = summarizer().summarize(widget());

        assertThat(card.whatChanged()).isEqualTo("2");
        assertThat(card.whyItMatters()).isNull();
        assertThat(card.whatToDoNext()).isEqualTo("Update today.");
        assertThat(card.whoShouldCare()).extracting(AudienceRef::id).containsExactly("security");
        assertThat(card.keyTakeaways()).containsExactly("One single point");
    }

    @Test
    void overLongFieldsAreShortenedAtAWordBoundary() {
        String longText = ("The widget team rewrote the synchronisation engine from scratch to make it faster. ").repeat(8).strip();
        String takeaway = "A takeaway that keeps going well past its limit of one hundred and sixty characters, "
                + "because models like to write long bullet points full of words that never end at all.";
        server.answer("{\"tldr\":\"" + longText + "\",\"whatChanged\":\"" + longText + "\",\"keyTakeaways\":[\"" + takeaway + "\"]}");
        Card card = summarizer().summarize(widget());

        for (String field : List.of(card.tldr(), card.whatChanged())) {
            assertThat(field).hasSizeLessThanOrEqualTo(300).endsWith("…");
            String head = field.substring(0, field.length() - 1);
            assertThat(longText).startsWith(head);
            assertThat(longText.charAt(head.length())).isIn(' ', '.');
        }
        assertThat(card.keyTakeaways()).hasSize(1);
        String t = card.keyTakeaways().get(0);
        assertThat(t).hasSizeLessThanOrEqualTo(160).endsWith("…");
        assertThat(takeaway.charAt(t.length() - 1)).isIn(' ', ',');
    }

    @Test
    void unknownAndDuplicateAudiencesAreDroppedAndLabelsComeFromConfig() {
        server.answer("""
                {"tldr":"Widget 2.0 ships.","whoShouldCare":["aliens","SECURITY",{"id":"security"},"developers",
                 "Invented label","researchers","investors"]}""");
        Card card = summarizer().summarize(widget());

        assertThat(card.whoShouldCare()).extracting(AudienceRef::id).containsExactly("security", "developers", "researchers");
        assertThat(card.whoShouldCare()).extracting(AudienceRef::label)
                .containsExactly(label("security"), label("developers"), label("researchers"));
    }

    @Test
    void htmlAndEntitiesAreStripped() {
        server.answer("{\"tldr\":\"<p><b>Widget 2.0</b> ships &amp; sync is <i>faster</i>.</p>\","
                + "\"whatChanged\":\"Version 2.0&nbsp;is out &#8212; finally.\",\"keyTakeaways\":[\"<ul><li>Free</li></ul>\"]}");
        Card card = summarizer().summarize(widget());

        assertThat(card.tldr()).isEqualTo("Widget 2.0 ships & sync is faster.");
        assertThat(card.whatChanged()).isEqualTo("Version 2.0 is out — finally.");
        assertThat(card.keyTakeaways()).containsExactly("Free");
    }

    @Test
    void onlyATldrGivesACardWithNullsAndTheClassifiersAudiences() {
        server.answer("{\"tldr\":\"Widget 2.0 ships.\",\"whatChanged\":\"  \",\"whyItMatters\":\"N/A\",\"whoShouldCare\":[\"aliens\"]}");
        Card card = summarizer().summarize(widget());

        assertThat(card.tldr()).isEqualTo("Widget 2.0 ships.");
        assertThat(card.whatChanged()).isNull();
        assertThat(card.whyItMatters()).isNull();
        assertThat(card.whatToDoNext()).isNull();
        assertThat(card.keyTakeaways()).isEmpty();
        assertThat(card.whoShouldCare()).isNotEmpty().isEqualTo(extractive.summarize(widget()).whoShouldCare());
        assertThat(card.summarizer()).isEqualTo("openai:llama3.1:8b");
    }

    @Test
    void missingTldrFallsBack() {
        server.answer("{\"whatChanged\":\"Something.\",\"tldr\":\"\"}");
        assertThat(summarizer().summarize(widget()).summarizer()).isEqualTo("extractive");
    }

    @Test
    void aSlowServerTimesOutIntoTheExtractiveCard() {
        server.delay(Duration.ofSeconds(5)).answer(CARD);
        OpenAiSummarizer s = summarizer(config(Duration.ofMillis(300), 2), Clock.systemUTC());

        Card card = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> s.summarize(widget()));

        assertThat(card.summarizer()).isEqualTo("extractive");
        assertThat(logLines()).anyMatch(l -> l.contains("cause=timeout"));
    }

    @Test
    void retryAfterIsHonouredWithoutCallingTheServer() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        server.answer(CARD).thenStatus(429, "{\"error\":{\"message\":\"rate limit\"}}", "60");
        OpenAiSummarizer s = summarizer(config(Duration.ofSeconds(5), 2), clock);

        assertThat(s.summarize(widget()).summarizer()).isEqualTo("extractive");
        clock.advance(Duration.ofSeconds(30));
        assertThat(s.summarize(widget()).summarizer()).isEqualTo("extractive");
        assertThat(s.summarize(article("Other", "Other text here.")).summarizer()).isEqualTo("extractive");
        assertThat(server.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(s.summarize(widget()).summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(server.requests()).hasSize(2);
        assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("cause=rate-limited")))
                .hasSize(1);
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("answers again"));
    }

    @Test
    void serverErrorFallsBackAndEachCauseIsWarnedOnce() {
        server.answer(CARD).thenStatus(500, "{\"error\":\"boom\"}", null).thenStatus(500, "boom", null)
                .thenStatus(503, "down", null);
        OpenAiSummarizer s = summarizer();

        for (int i = 0; i < 3; i++) {
            assertThat(s.summarize(article("Story " + i, "Text of story " + i + ".")).summarizer()).isEqualTo("extractive");
        }
        assertThat(s.summarize(widget()).summarizer()).isEqualTo("openai:llama3.1:8b");

        assertThat(logs.list.stream().filter(e -> e.getLoggerName().startsWith("io.github.tldrbot.llm"))
                .filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .satisfiesExactly(l -> assertThat(l).contains("cause=http-500"), l -> assertThat(l).contains("cause=http-503"));
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.DEBUG && e.getFormattedMessage().contains("cause=http-500"));
        assertThat(server.requests()).hasSize(4); // a 5xx is not taken for a refused response format
    }

    @Test
    void cachedCardsSurviveARestartWithoutAServerCall() {
        server.answer(CARD);
        Card first;
        try (OpenAiSummarizer s = new OpenAiSummarizer(config(Duration.ofSeconds(5), 2), AUDIENCES, extractive, cache, Clock.systemUTC())) {
            first = s.summarize(widget());
        }
        assertThat(server.requests()).hasSize(1);

        OpenAiSummarizer restarted = summarizer();
        Card again = restarted.summarize(widget());

        assertThat(again).isEqualTo(first);
        assertThat(again.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(server.requests()).hasSize(1);

        restarted.summarize(article("Acme releases Widget 2.0", "A different text is a different card."));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void theApiKeyIsSentButNeverLoggedOrShown() {
        server.answer("{\"tldr\":\"Key " + KEY + " leaked?\"}")
                .thenStatus(401, "{\"error\":\"Incorrect API key provided: " + KEY + "\"}", null)
                .thenStatus(500, "internal error for Bearer " + KEY, null);
        OpenAiSummarizer s = summarizer();

        Card a = s.summarize(widget());
        Card b = s.summarize(article("Second", "Second story text."));
        Card c = s.summarize(article("Third", "Third story text."));

        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(KEY);
            if (e.getThrowableProxy() != null) {
                assertThat(e.getThrowableProxy().getMessage()).doesNotContain(KEY);
            }
        }
        assertThat(logLines()).anyMatch(l -> l.contains("HTTP 401") && l.contains("****") && l.contains("apiKey"));
        assertThat(List.of(a, b)).allSatisfy(card -> assertThat(card.summarizer()).isEqualTo("extractive"));
        assertThat(c.toString()).doesNotContain(KEY); // a model echoing the key: the card text is scrubbed
        assertThat(s.toString()).doesNotContain(KEY);
        assertThat(config(Duration.ofSeconds(1), 1).toString()).doesNotContain(KEY);
    }

    @Test
    void maxConcurrentIsRespected() throws Exception {
        server.answer(CARD).delay(Duration.ofMillis(150));
        OpenAiSummarizer s = summarizer(config(Duration.ofSeconds(15), 2), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Card>> cards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Article a = article("Story " + i, "Text of story number " + i + ".");
            cards.add(pool.submit(() -> s.summarize(a)));
        }
        List<String> labels = new ArrayList<>();
        for (Future<Card> f : cards) {
            labels.add(f.get(20, TimeUnit.SECONDS).summarizer());
        }
        pool.shutdown();

        assertThat(labels).containsOnly("openai:llama3.1:8b");
        assertThat(server.requests()).hasSize(6);
        assertThat(server.maxConcurrent()).isEqualTo(2);
    }

    @Test
    void aHangingServerDelaysOneCardOnlyThenIsLeftAloneForTheCooldown() {
        server.delay(Duration.ofSeconds(5)).answer(CARD);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        OpenAiSummarizer s = summarizer(config(Duration.ofMillis(300), 2), clock);

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> s.summarize(widget())).summarizer()).isEqualTo("extractive");
        int calls = server.requests().size();
        // Within the cooldown: extractive at once, the server is not asked again.
        for (int i = 0; i < 5; i++) {
            assertThat(s.summarize(widget()).summarizer()).isEqualTo("extractive");
        }
        assertThat(server.requests()).hasSize(calls);
        // After it, the model is tried again (and now answers at once).
        server.delay(Duration.ZERO).answer(CARD);
        clock.advance(OpenAiSummarizer.OUTAGE_COOLDOWN.plusSeconds(1));
        assertThat(s.summarize(widget()).summarizer()).isEqualTo("openai:llama3.1:8b");
    }

    @Test
    void connectionRefusedFallsBack() {
        String base = server.baseUrl();
        server.close();
        OpenAiSummarizer s = summarizer(new OpenAiConfig(base, "m", KEY, Duration.ofSeconds(2), 1, 0, 4000, 0), Clock.systemUTC());
        Card card = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> s.summarize(widget()));
        assertThat(card.summarizer()).isEqualTo("extractive");
        assertThat(logLines()).anyMatch(l -> l.contains("cause=connection"));
    }

    private static String label(String id) {
        return AUDIENCES.stream().filter(a -> a.id().equals(id)).map(AudienceConfig::label).collect(Collectors.joining());
    }
}
