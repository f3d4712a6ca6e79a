package io.github.tldrbot.delivery;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SubscriptionFilterTest {
    static final Article ARTICLE = new Article("id", null, "OpenAI ships GPT-6 for C++ developers", "https://x.example/a",
            null, null, null, List.of("Machine Learning", "Café culture"), "The new model writes Rust and said hello.",
            "ignored body mentioning kubernetes", null);
    static final Card CARD = new Card("tldr", null, null, null,
            List.of(new AudienceRef("developers", "Developers"), new AudienceRef("researchers", "Researchers")), List.of(), "test");

    @ParameterizedTest(name = "audience={0} include={1} exclude={2} -> {3}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            -            ; -                         ; -              ; true
            developers   ; -                         ; -              ; true
            DEVELOPERS   ; -                         ; -              ; true
            investors    ; -                         ; -              ; false
            -            ; gpt-6                     ; -              ; true
            -            ; rust, golang              ; -              ; true
            -            ; golang, haskell           ; -              ; false
            -            ; ai                        ; -              ; false
            -            ; said                      ; -              ; true
            -            ; c++                       ; -              ; true
            -            ; machine learning          ; -              ; true
            -            ; café                      ; -              ; true
            -            ; CAFÉ                      ; -              ; true
            -            ; caf                       ; -              ; false
            -            ; kubernetes                ; -              ; false
            -            ; /gpt-\\d+/                ; -              ; true
            -            ; /^openai/                 ; -              ; true
            -            ; /rust{1,2}/               ; -              ; true
            -            ; /python|ruby/             ; -              ; false
            -            ; 'golang, /gpt-\\d/'       ; -              ; true
            -            ; 'golang, /wasm/'          ; -              ; false
            -            ; -                         ; crypto, nft    ; true
            -            ; -                         ; hello          ; false
            -            ; -                         ; /writes\\s+rust/ ; false
            -            ; openai                    ; hello          ; false
            researchers  ; openai                    ; crypto         ; true
            investors    ; openai                    ; -              ; false
            -            ; ' , rust ,'               ; -              ; true
            """)
    void routesCardsByAudienceIncludeAndExclude(String audience, String include, String exclude, boolean accepted) {
        assertThat(SubscriptionFilter.parse(audience, include, exclude).accepts(ARTICLE, CARD)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            include | /[a-/         | include: '/[a-/' is not a valid regular expression:
            exclude | /(unclosed/   | exclude: '/(unclosed/' is not a valid regular expression:
            include | //            | include: '//' is an empty regular expression
            include | /half         | include: '/half' starts with '/' but does not end with one
            include | 'x, /a{1,2}/' | include: '/a{1' starts with '/' but does not end with one
            exclude | ' , ,'        | exclude: ', ,' has no keywords
            """)
    void malformedFiltersAreRefusedAtCreationWithAOneLineMessage(String field, String value, String message) {
        assertThatThrownBy(() -> SubscriptionFilter.parse(null,
                field.equals("include") ? value : null, field.equals("exclude") ? value : null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void catastrophicBacktrackingPatternsRunInLinearTime() {
        String hostile = "a".repeat(100_000) + "b";
        Article article = new Article("id", null, hostile, null, null, null, null, List.of(), hostile, null, null);
        SubscriptionFilter filter = SubscriptionFilter.parse(null, "/(a+)+$/", "/(a|aa)*c/");

        boolean accepted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> filter.accepts(article, CARD));

        assertThat(accepted).isFalse();
    }

    @Test
    void acceptAllAcceptsACardWithoutAudiences() {
        Card bare = new Card(null, null, null, null, List.of(), List.of(), "test");
        assertThat(SubscriptionFilter.acceptAll().accepts(ARTICLE, bare)).isTrue();
        assertThat(SubscriptionFilter.parse("developers", null, null).accepts(ARTICLE, bare)).isFalse();
    }

    @Test
    void aRejectionNamesTheFilterAndTheAudienceTermOrIncludeListThatDecided() {
        assertThat(SubscriptionFilter.parse("investors", null, null).rejection(ARTICLE, CARD))
                .contains(new SubscriptionFilter.Rejection(io.github.tldrbot.store.SkipReason.AUDIENCE, "investors"));
        assertThat(SubscriptionFilter.parse(null, " golang, haskell ", null).rejection(ARTICLE, CARD))
                .contains(new SubscriptionFilter.Rejection(io.github.tldrbot.store.SkipReason.INCLUDE, "golang, haskell"));
        assertThat(SubscriptionFilter.parse(null, "openai", "crypto, /writes\\s+rust/, hello").rejection(ARTICLE, CARD))
                .contains(new SubscriptionFilter.Rejection(io.github.tldrbot.store.SkipReason.EXCLUDE, "/writes\\s+rust/"));
        assertThat(SubscriptionFilter.parse("developers", "openai", "crypto").rejection(ARTICLE, CARD)).isEmpty();
    }
}
