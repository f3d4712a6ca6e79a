package io.github.tldrbot.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CardResponseParserTest {

    private static final List<PromptSource> SOURCES = List.of(new PromptSource(1, "Widget 2.0 ships", "example.org",
            "https://example.org/widget", java.time.Instant.parse("2026-03-02T10:00:00Z"), "en",
            "Acme shipped Widget 2.0 on 2 March 2026. Version 1 came out in 2024.", List.of()));

    private final CardResponseParser parser = new CardResponseParser(new ObjectMapper(), DefaultAudiences.list());
    private final AtomicInteger fallbackCalls = new AtomicInteger();
    private final List<AudienceRef> fallback = List.of(new AudienceRef("policy", "Policy & Legal"));

    private Optional<Card> parse(String answer) {
        return parser.parse(answer, SOURCES, () -> {
            fallbackCalls.incrementAndGet();
            return fallback;
        }, "openai:m");
    }

    @Test
    void skipsProseBracesAndFindsTheObjectWithBracesInsideStrings() {
        Card card = parse("Thinking {not json} ... ```json\n{\"tldr\":\"Use {braces} and \\\"quotes\\\".\",\"whoShouldCare\":[\"developers\"]}\n```")
                .orElseThrow();
        assertThat(card.tldr()).isEqualTo("Use {braces} and \"quotes\".");
        assertThat(card.whoShouldCare()).extracting(AudienceRef::id).containsExactly("developers");
        assertThat(fallbackCalls).hasValue(0); // the classifier is only asked when the model named no usable audience
    }

    @Test
    void noObjectOrNoTldrIsInvalid() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("I cannot summarize this.")).isEmpty();
        assertThat(parse("{\"tldr\":null,\"whatChanged\":\"x\"}")).isEmpty();
        assertThat(parse("{\"tldr\":\"<p> </p>\"}")).isEmpty();
    }

    @Test
    void takeawaysRepeatingAFieldOrEachOtherAreDroppedAndCappedAtThree() {
        Card card = parse("""
                {"tldr":"Widget ships.","whatChanged":"Version 2 is out.","keyTakeaways":
                 ["Widget ships!", "Fast", "fast", 3, "", "Cheap", "Open source", "Fourth"]}""").orElseThrow();
        assertThat(card.keyTakeaways()).containsExactly("Fast", "Cheap", "Open source");
    }

    @Test
    void fillerBecomesNullAndNoAudienceMeansTheFallbacks() {
        Card card = parse("{\"tldr\":\"Widget ships.\",\"whyItMatters\":\"N/A.\",\"whatToDoNext\":\"none\",\"whoShouldCare\":[]}")
                .orElseThrow();
        assertThat(card.whyItMatters()).isNull();
        assertThat(card.whatToDoNext()).isNull();
        assertThat(card.whoShouldCare()).isEqualTo(fallback);
        assertThat(card.summarizer()).isEqualTo("openai:m");
    }
}
