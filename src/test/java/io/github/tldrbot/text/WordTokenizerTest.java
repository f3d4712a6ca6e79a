package io.github.tldrbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tokenizer's folds: what makes a keyword match however the text spells the word. */
class WordTokenizerTest {

    private final WordTokenizer tokenizer = new WordTokenizer();

    @Test
    void splitsOnEverythingButLettersDigitsAndMarksInEveryScript() {
        assertThat(tokenizer.tokenize("Zero-day in l'API, Sécurité! Уязвимость #1"))
                .containsExactly("zero", "day", "in", "l", "api", "sécurité", "уязвимость", "1");
        assertThat(tokenizer.tokenize("人工知能")).containsExactly("人", "工", "知", "能");
    }

    @Test
    void foldsEnglishPluralsIncludingIeNouns() {
        assertThat(tokenizer.tokenize("Releases libraries movies calories")).containsExactly("release", "library", "movie",
                "calorie");
    }

    @Test
    void readsRussianYoAsYeAndComposesCombiningAccents() {
        assertThat(tokenizer.tokenize("Учёные УЧЁНЫЕ")).containsExactly("ученые", "ученые");
        assertThat(tokenizer.tokenize("se\u0301curite\u0301")).containsExactly("sécurité");
    }

    @Test
    void tokensWithoutPluralFoldKeepTheirEnding() {
        assertThat(tokenizer.tokenizeWithoutPluralFold("Regulations")).containsExactly("regulations");
    }

    @Test
    void lowerCasesEachCodePointSoADottedCapitalIDoesNotSplitAWord() {
        assertThat(tokenizer.tokenize("İstanbul")).containsExactly("istanbul");
    }

    @Test
    void asWrittenWordsAreNotFoldedAndKeepIdeographRunsWhole() {
        WordTokenizer asWritten = WordTokenizer.asWritten(WordTokenizer.Normalisation.NONE);
        assertThat(asWritten.tokenize("Libraries Учёные 人工知能 iPhone用")).containsExactly("libraries", "учёные", "人工知能",
                "iphone用");
        assertThat(asWritten.tokenize("हिन्दी समाचार")).containsExactly("हिन्दी", "समाचार"); // vowel signs are marks
    }

    @Test
    void asWrittenNormalisationIsChosenByTheCaller() {
        assertThat(WordTokenizer.asWritten(WordTokenizer.Normalisation.COMPATIBILITY).tokenize("ＲＵＳＴ ﬁle"))
                .containsExactly("rust", "file");
        assertThat(WordTokenizer.asWritten(WordTokenizer.Normalisation.WITHOUT_ACCENTS).tokenize("Élan café"))
                .containsExactly("elan", "cafe");
    }
}
