package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void titlesAndLatinAbbreviationsDoNotEndASentence() {
        assertThat(splitter.split("Dr. Smith met Mr. Jones, e.g. at the U.S. embassy, i.e. in Paris. They talked."))
                .containsExactly("Dr. Smith met Mr. Jones, e.g. at the U.S. embassy, i.e. in Paris.", "They talked.");
        assertThat(splitter.split("Use a framework (e.g., Spring) here. Done."))
                .containsExactly("Use a framework (e.g., Spring) here.", "Done.");
    }

    @Test
    void corporateSuffixEndsASentenceOnlyBeforeACapitalisedWord() {
        assertThat(splitter.split("Apple Inc. announced it. He works at Acme Inc. The company grew."))
                .containsExactly("Apple Inc. announced it.", "He works at Acme Inc.", "The company grew.");
    }

    @Test
    void initialsAndNumberedReferencesDoNotSplit() {
        assertThat(splitter.split("J. R. R. Tolkien wrote it. See No. 5 and Fig. 2 below. Done."))
                .containsExactly("J. R. R. Tolkien wrote it.", "See No. 5 and Fig. 2 below.", "Done.");
    }

    @Test
    void decimalsVersionsUrlsAndEmailsStayWhole() {
        assertThat(splitter.split("Pi is 3.14 and v1.2.3 shipped. See https://example.com/a.b?x=1. "
                + "Mail jo.doe@example.org. Update to 2.3.1. Thanks!"))
                .containsExactly("Pi is 3.14 and v1.2.3 shipped.", "See https://example.com/a.b?x=1.",
                        "Mail jo.doe@example.org.", "Update to 2.3.1.", "Thanks!");
    }

    @Test
    void ellipsisSplitsOnlyBeforeACapitalisedWord() {
        assertThat(splitter.split("Wait… what happened? Nobody knows... Really. Read more…"))
                .containsExactly("Wait… what happened?", "Nobody knows...", "Really.", "Read more…");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(splitter.split("He said \"It works.\" Then he left. “Is it ready?” she asked. ‘Yes!’ Fine."))
                .containsExactly("He said \"It works.\"", "Then he left.", "“Is it ready?” she asked.", "‘Yes!’",
                        "Fine.");
    }

    @Test
    void cjkTerminatorsSplitWithoutSpaces() {
        assertThat(splitter.split("今日は晴れです。明日は雨でしょう！本当？")).containsExactly("今日は晴れです。", "明日は雨でしょう！", "本当？");
        assertThat(splitter.split("我们发布了新版本。它更快，也更便宜。"))
                .containsExactly("我们发布了新版本。", "它更快，也更便宜。");
    }

    @Test
    void urduAndDevanagariTerminatorsSplit() {
        assertThat(splitter.split("یہ ایک جملہ ہے۔ یہ دوسرا جملہ ہے۔"))
                .containsExactly("یہ ایک جملہ ہے۔", "یہ دوسرا جملہ ہے۔");
        assertThat(splitter.split("यह पहला वाक्य है। यह दूसरा है॥")).containsExactly("यह पहला वाक्य है।", "यह दूसरा है॥");
    }

    @Test
    void textWithoutPunctuationIsOneSentenceAndParagraphBreaksSplit() {
        assertThat(splitter.split("no punctuation at all   here just\twords"))
                .containsExactly("no punctuation at all here just words");
        assertThat(splitter.split("A heading without a period\n\n  Body text here. More"))
                .containsExactly("A heading without a period", "Body text here.", "More");
    }

    @Test
    void stopsAtMaxSentencesAndHandlesEmptyInput() {
        assertThat(splitter.split("One. Two. Three. Four.", 2)).containsExactly("One.", "Two.");
        assertThat(splitter.split(null)).isEmpty();
        assertThat(splitter.split("   \n ")).isEmpty();
        assertThat(splitter.split("...")).containsExactly("...");
    }
}
