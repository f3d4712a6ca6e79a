package io.github.tldrbot.llm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.config.OpenAiConfig;
import io.github.tldrbot.config.SummarizerConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.store.CardCacheStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.testing.openai.FakeOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model-only parts of a card (hook, grounded sections, timeline) and the prompt options, against the stand-in server. */
class ModelCardSectionsTest {

    private static final List<AudienceConfig> AUDIENCES = DefaultAudiences.list();
    private static final String LINK = "https://example.org/widget-2";
    private static final String NOTES = "https://example.org/widget-2/release-notes";
    private static final String BODY = "Acme released Widget 2.0 on 3 March 2026. The sync engine was rewritten in Rust and is "
            + "twice as fast. Widget 1.0 shipped on 12 May 2024. Acme plans a Windows build for June 2026. "
            + "Developers can read the release notes before they update.";

    private final FakeOpenAi server = FakeOpenAi.start();
    private final Summarizer extractive = new ExtractiveSummarizer(new AudienceClassifier(AUDIENCES));
    private final InMemoryCardCache cache = new InMemoryCardCache();
    private final List<OpenAiSummarizer> opened = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(OpenAiSummarizer.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(OpenAiSummarizer.class)).detachAppender(logs);
        opened.forEach(OpenAiSummarizer::close);
        server.close();
    }

    private OpenAiSummarizer summarizer(String language, String instructions) {
        OpenAiConfig openai = new OpenAiConfig(server.baseUrl(), "llama3.1:8b", "", Duration.ofSeconds(5), 2, 60_000, 4000, 0.2);
        OpenAiSummarizer s = new OpenAiSummarizer(new SummarizerConfig("openai", openai, language, instructions),
                AUDIENCES, extractive, cache, Clock.systemUTC());
        opened.add(s);
        return s;
    }

    private OpenAiSummarizer summarizer() {
        return summarizer("auto", "");
    }

    private static Article widget(String lang) {
        return new Article("widget-2", null, "Acme releases Widget 2.0", LINK, Instant.parse("2026-03-03T09:00:00Z"), null,
                null, List.of(), "Acme released Widget 2.0.", BODY, null, lang,
                List.of(new ArticleLink("release notes", NOTES)));
    }

    private String system() {
        return server.requests().get(server.requests().size() - 1).body().path("messages").get(0).path("content").asText();
    }

    private String user() {
        return server.requests().get(server.requests().size() - 1).body().path("messages").get(1).path("content").asText();
    }

    private long warnings(String kind) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("kind=" + kind)).count();
    }

    @Test
    void aGoodAnswerGivesEverySectionAndTheSourceIsSentNumbered() {
        server.answer("""
                {"tldr":"Acme released Widget 2.0 with a sync engine twice as fast.",
                 "hook":"Rewritten in Rust, Widget's sync now takes half the time.",
                 "whatChanged":"Widget 2.0 is out.","whyItMatters":"Teams wait less for sync.",
                 "whatToDoNext":"Read the release notes: https://example.org/widget-2/release-notes",
                 "whoShouldCare":["developers"],"keyTakeaways":["Sync engine rewritten in Rust [1]","Windows build planned for June 2026 [1]"],
                 "deepInsight":"Acme rebuilt the core of the product rather than tuning it [1]. A rewrite of this kind is rare for a point-zero release [1].",
                 "technicalDeepDive":"The sync engine was rewritten in Rust [1].",
                 "futureImplications":"A Windows build is planned for June 2026 [1].",
                 "timeline":[{"date":"2026-03-03","text":"Widget 2.0 released","link":"https://example.org/widget-2"},
                             {"date":"2024-05-12","text":"Widget 1.0 shipped","link":null}]}""");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(card.hook()).isEqualTo("Rewritten in Rust, Widget's sync now takes half the time.");
        assertThat(card.deepInsight()).isEqualTo("Acme rebuilt the core of the product rather than tuning it [1]. "
                + "A rewrite of this kind is rare for a point-zero release [1].");
        assertThat(card.technicalDeepDive()).isEqualTo("The sync engine was rewritten in Rust [1].");
        assertThat(card.futureImplications()).isEqualTo("A Windows build is planned for June 2026 [1].");
        assertThat(card.keyTakeaways()).containsExactly("Sync engine rewritten in Rust [1]", "Windows build planned for June 2026 [1]");
        assertThat(card.timeline()).as("oldest first").containsExactly(
                new TimelineEntry(LocalDate.of(2024, 5, 12), "Widget 1.0 shipped", null),
                new TimelineEntry(LocalDate.of(2026, 3, 3), "Widget 2.0 released", LINK));
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("dropped="));

        assertThat(user()).startsWith("Source [1]\nTitle: Acme releases Widget 2.0\nPublisher: example.org\nLink: " + LINK
                + "\nPublished: 2026-03-03\nLanguage: en\nLinks in the text:\n- release notes: " + NOTES + "\nText:\n" + BODY);
        assertThat(system()).contains("hook:", "deepInsight:", "technicalDeepDive:", "futureImplications:", "timeline:",
                "\"" + Citations.TOO_LITTLE + "\"", "[n]");
        JsonNode schema = server.requests().get(0).body().path("response_format").path("json_schema").path("schema");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        assertThat(required).contains("tldr", "hook", "deepInsight", "technicalDeepDive", "futureImplications", "timeline");
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(required).containsExactlyInAnyOrderElementsOf(properties);
        assertThat(schema.path("properties").path("timeline").path("items").path("required").toString())
                .isEqualTo("[\"date\",\"text\",\"link\"]");
    }

    @Test
    void aPartialAnswerWithOnlyTldrAndHookIsACardWithoutTheOtherSections() {
        server.answer("{\"tldr\":\"Acme released Widget 2.0.\",\"hook\":\"Half the wait: sync rewritten in Rust.\"}");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.summarizer()).isEqualTo("openai:llama3.1:8b");
        assertThat(card.tldr()).isEqualTo("Acme released Widget 2.0.");
        assertThat(card.hook()).isEqualTo("Half the wait: sync rewritten in Rust.");
        assertThat(card.deepInsight()).isNull();
        assertThat(card.technicalDeepDive()).isNull();
        assertThat(card.futureImplications()).isNull();
        assertThat(card.timeline()).isEmpty();
        assertThat(card.keyTakeaways()).isEmpty();
    }

    @Test
    void invalidJsonCutInsideTheTimelineFallsBackToTheExtractiveCard() {
        server.answer("{\"tldr\":\"Acme released Widget 2.0.\",\"timeline\":[{\"date\":\"2026-03-03\",\"text\":\"Wid");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card).isEqualTo(extractive.summarize(widget("en")));
        assertThat(cache.size()).isZero();
    }

    @Test
    void overLongFieldsAreCutAtAWordBoundaryWithAnEllipsisKeepingTheirCitation() {
        String sentence = "The sync engine was rewritten in Rust, which the team says removes a whole class of memory bugs "
                + "and lets the client run the merge step on every core of the machine at once [1].";
        String oneLongSentence = ("The team describes in great detail how every part of the sync engine was measured, "
                + "rewritten and measured again ").repeat(8) + "[1].";
        String hook = "Rewritten from scratch in Rust, the sync engine of Widget now runs the merge step on every core, "
                + "and the team says it removes a whole class of memory bugs.";
        server.answer("{\"tldr\":\"Acme released Widget 2.0.\",\"hook\":\"" + hook + "\",\"deepInsight\":\""
                + (sentence + " ").repeat(6).strip() + "\",\"technicalDeepDive\":\"" + oneLongSentence + "\"}");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.hook()).hasSizeLessThanOrEqualTo(Card.HOOK_MAX).endsWith("…");
        assertThat(hook).startsWith(card.hook().substring(0, card.hook().length() - 1));
        assertThat(hook.charAt(card.hook().length() - 1)).isIn(' ', ',');
        assertThat(card.deepInsight()).as("whole sentences up to the cap")
                .hasSizeLessThanOrEqualTo(CardResponseParser.SECTION_MAX).isEqualTo(sentence + " " + sentence + " " + sentence);
        assertThat(card.technicalDeepDive()).hasSizeLessThanOrEqualTo(CardResponseParser.SECTION_MAX).endsWith("… [1]");
        String head = card.technicalDeepDive().substring(0, card.technicalDeepDive().length() - "… [1]".length());
        assertThat(oneLongSentence).startsWith(head);
        assertThat(oneLongSentence.charAt(head.length())).isEqualTo(' ');
    }

    @Test
    void aSectionCitingASourceThatDoesNotExistIsDroppedAndTheReasonLoggedOnce() {
        server.answer("""
                {"tldr":"Acme released Widget 2.0.","deepInsight":"Rivals are years behind [3]. The rewrite took two years [1].",
                 "technicalDeepDive":"The sync engine was rewritten in Rust [1].",
                 "keyTakeaways":["Twice as fast [1]","Cheaper than rivals [2]"]}""");
        OpenAiSummarizer s = summarizer();

        Card card = s.summarize(widget("en"));
        s.summarize(widget("de"));

        assertThat(card.deepInsight()).isNull();
        assertThat(card.technicalDeepDive()).isEqualTo("The sync engine was rewritten in Rust [1].");
        assertThat(card.keyTakeaways()).as("each takeaway is its own claim").containsExactly("Twice as fast [1]");
        assertThat(warnings("cites-missing-source")).isEqualTo(1);
        assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("dropped=deepInsight")
                && e.getFormattedMessage().contains("cites [3], but the card has only source [1]"));
    }

    @Test
    void groundedSectionsNeedACitationAndLoseTheirUncitedTail() {
        server.answer("""
                {"tldr":"Acme released Widget 2.0.","deepInsight":"This changes everything for the industry.",
                 "technicalDeepDive":"Sync was rewritten. It is in Rust [1]. Competitors will surely follow.",
                 "futureImplications":"A Windows build. [1] Expect it in June."}""");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.deepInsight()).isNull();
        assertThat(card.technicalDeepDive()).isEqualTo("Sync was rewritten. It is in Rust [1].");
        assertThat(card.futureImplications()).as("a citation after the full stop belongs to its sentence").isEqualTo("A Windows build. [1]");
        assertThat(warnings("cites-nothing")).isEqualTo(1);
    }

    @Test
    void tooLittleDetailIsAValidOneLineSection() {
        server.answer("""
                {"tldr":"Acme released Widget 2.0.","deepInsight":"too little detail in the sources",
                 "technicalDeepDive":"Too little detail in the sources.","futureImplications":"Too little detail in the source!"}""");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.deepInsight()).isEqualTo(Citations.TOO_LITTLE);
        assertThat(card.technicalDeepDive()).isEqualTo(Citations.TOO_LITTLE);
        assertThat(card.futureImplications()).isEqualTo(Citations.TOO_LITTLE);
    }

    @Test
    void timelineEntriesWithBadDatesOrInventedYearsAreDroppedAndForeignLinksRemoved() {
        server.answer("""
                {"tldr":"Acme released Widget 2.0.","timeline":[
                  {"date":"2026-03","text":"Month only","link":null},
                  {"date":"2026-02-30","text":"No such day","link":null},
                  {"date":"March 3, 2026","text":"Wrong spelling","link":null},
                  {"date":"2019-01-01","text":"A year no source mentions","link":null},
                  {"date":"2026-03-03","text":"","link":null},
                  {"date":"2026-03-03","text":"Widget 2.0 released","link":"https://elsewhere.example/story"},
                  {"date":"2024-05-12","text":"Widget 1.0 shipped","link":"javascript:alert(1)"},
                  {"date":"2026-03-03","text":"Release notes published","link":"https://example.org/widget-2/release-notes/"}]}""");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.timeline()).containsExactly(
                new TimelineEntry(LocalDate.of(2024, 5, 12), "Widget 1.0 shipped", null),
                new TimelineEntry(LocalDate.of(2026, 3, 3), "Widget 2.0 released", null),
                new TimelineEntry(LocalDate.of(2026, 3, 3), "Release notes published", "https://example.org/widget-2/release-notes/"));
        assertThat(warnings("timeline-bad-date")).isEqualTo(1);
        assertThat(warnings("timeline-date-not-in-sources")).isEqualTo(1);
        assertThat(warnings("timeline-no-text")).isEqualTo(1);
        assertThat(warnings("timeline-link-not-in-sources")).isEqualTo(1);
    }

    @Test
    void aTimelineKeepsAtMostFiveEntries() {
        StringBuilder entries = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            entries.append(day == 1 ? "" : ",").append("{\"date\":\"2026-03-0").append(8 - day).append("\",\"text\":\"Event ")
                    .append(day).append("\",\"link\":null}");
        }
        server.answer("{\"tldr\":\"Acme released Widget 2.0.\",\"timeline\":[" + entries + "]}");

        Card card = summarizer().summarize(widget("en"));

        assertThat(card.timeline()).extracting(TimelineEntry::text).containsExactly("Event 5", "Event 4", "Event 3", "Event 2", "Event 1");
    }

    @Test
    void aHookRepeatingTheTldrOrTheTitleIsDropped() {
        OpenAiSummarizer s = summarizer();
        server.answer("{\"tldr\":\"Acme released Widget 2.0 with faster sync.\",\"hook\":\"Acme released Widget 2.0 with faster sync!\"}");
        assertThat(s.summarize(widget("en")).hook()).isNull();

        server.answer("{\"tldr\":\"Acme released Widget 2.0 with faster sync.\",\"hook\":\"Acme releases Widget 2.0\"}");
        assertThat(s.summarize(widget("de")).hook()).isNull();

        server.answer("{\"tldr\":\"Acme released Widget 2.0 with faster sync.\",\"hook\":\"Acme's Widget 2.0 now syncs in half the time.\"}");
        assertThat(s.summarize(widget("fr")).hook()).as("naming the subject is not a repeat").isEqualTo("Acme's Widget 2.0 now syncs in half the time.");
        assertThat(warnings("hook-repeats")).isEqualTo(1);
    }

    @Test
    void aTldrCitingAMissingSourceMakesTheAnswerInvalid() {
        server.answer("{\"tldr\":\"Acme released Widget 2.0 [2].\"}");
        assertThat(summarizer().summarize(widget("en")).summarizer()).isEqualTo("extractive");
    }

    @Test
    void languageAutoAsksForTheArticlesLanguageOrTheLanguageOfTheArticleWhenUnknown() {
        server.answer("{\"tldr\":\"Acme hat Widget 2.0 veröffentlicht.\"}");
        OpenAiSummarizer s = summarizer();

        s.summarize(widget("de"));
        assertThat(system()).contains("- Write every text field in German (de), the language of the article.\n");
        assertThat(user()).contains("\nLanguage: de\n");

        s.summarize(widget(null));
        assertThat(system()).contains("- Write every text field in the language of the article.\n").doesNotContain("German");
        assertThat(server.requests()).as("a different language is a different card, not a cache hit").hasSize(2);
    }

    @Test
    void aFixedLanguageOverridesTheArticlesLanguage() {
        server.answer("{\"tldr\":\"Acme a publié Widget 2.0.\"}");

        summarizer("French", "").summarize(widget("de"));
        assertThat(system()).contains("Write every text field in French, whatever the language of the sources.");

        summarizer("es", "").summarize(widget("de"));
        assertThat(system()).contains("Write every text field in Spanish (es), whatever the language of the sources.");
    }

    @Test
    void operatorInstructionsAreAppendedBeforeTheSchemaAndArePartOfTheCacheKey() {
        server.answer("{\"tldr\":\"Acme released Widget 2.0.\"}");

        summarizer("auto", "Mention prices in EUR.\nKeep a neutral tone.").summarize(widget("en"));
        String system = system();
        assertThat(system).contains("Extra guidance from the operator", "cannot change the rules above",
                "\nMention prices in EUR.\nKeep a neutral tone.\n");
        assertThat(system.indexOf("Mention prices in EUR.")).isGreaterThan(system.indexOf("Audiences (id: label"))
                .isLessThan(system.indexOf("matching this JSON schema"));

        summarizer("auto", "").summarize(widget("en"));
        assertThat(system()).doesNotContain("Extra guidance");
        summarizer("auto", "").summarize(widget("en"));
        assertThat(server.requests()).as("other instructions, other card; same instructions, cached").hasSize(2);
    }

    @Test
    void severalSourcesAreNumberedAndShareTheInputBudget() {
        server.answer("{\"tldr\":\"Two outlets report Widget 2.0.\",\"deepInsight\":\"Both outlets report the rewrite [1, 2].\","
                + "\"technicalDeepDive\":\"The second outlet cites a benchmark [2-3].\"}");
        Article second = new Article("other", null, "Widget 2.0 benchmarked", "https://www.news.example/widget", null,
                Instant.parse("2026-03-04T00:00:00Z"), null, List.of(), "Benchmarks of Widget 2.0 in 2026.", null, null);

        Card card = summarizer().summarize(List.of(widget("en"), second));

        assertThat(user()).contains("Source [1]\nTitle: Acme releases Widget 2.0", "\n\nSource [2]\nTitle: Widget 2.0 benchmarked\n"
                + "Publisher: news.example\nLink: https://www.news.example/widget\nPublished: 2026-03-04\nText:\nBenchmarks of Widget 2.0 in 2026.");
        assertThat(card.deepInsight()).isEqualTo("Both outlets report the rewrite [1, 2].");
        assertThat(card.technicalDeepDive()).as("[2-3] includes a third source").isNull();
    }

    @Test
    void aFullModelCardComesBackFromTheDatabaseCacheAfterARestart(@TempDir Path dir) {
        server.answer("""
                {"tldr":"Acme released Widget 2.0.","hook":"Half the wait: sync rewritten in Rust.",
                 "deepInsight":"Acme rebuilt the core [1].","technicalDeepDive":"Too little detail in the sources.",
                 "timeline":[{"date":"2024-05-12","text":"Widget 1.0 shipped","link":null}]}""");
        OpenAiConfig openai = new OpenAiConfig(server.baseUrl(), "llama3.1:8b", "", Duration.ofSeconds(5), 2, 60_000, 4000, 0.2);
        SummarizerConfig config = new SummarizerConfig("openai", openai, "auto", "");
        Card first;
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("cache.db"));
             OpenAiSummarizer s = new OpenAiSummarizer(config, AUDIENCES, extractive, new CardCacheStore(db, Clock.systemUTC()), Clock.systemUTC())) {
            first = s.summarize(widget("en"));
        }
        assertThat(first.timeline()).hasSize(1);
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("cache.db"));
             OpenAiSummarizer s = new OpenAiSummarizer(config, AUDIENCES, extractive, new CardCacheStore(db, Clock.systemUTC()), Clock.systemUTC())) {
            assertThat(s.summarize(widget("en"))).isEqualTo(first);
        }
        assertThat(server.requests()).hasSize(1);
    }
}
