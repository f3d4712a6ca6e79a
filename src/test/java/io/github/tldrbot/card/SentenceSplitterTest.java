package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void dottedAbbreviationsAndInitialsBeforeACapitalDoNotSplit() {
        assertThat(splitter.split("The game got haircuts, L.A. Noire and more. Next up is sport."))
                .containsExactly("The game got haircuts, L.A. Noire and more.", "Next up is sport.");
        assertThat(splitter.split("Made in the U.S. Army labs, i.e. Fort Detrick. Then it shipped."))
                .containsExactly("Made in the U.S. Army labs, i.e. Fort Detrick.", "Then it shipped.");
        assertThat(splitter.split("Tickets cost Rs. 500 each. It is No. 5 on the list. It was Spurs vs. Arsenal today."))
                .containsExactly("Tickets cost Rs. 500 each.", "It is No. 5 on the list.", "It was Spurs vs. Arsenal today.");
        assertThat(splitter.split("A Ph.D. Student wrote it, a.k.a. Jo. Fine."))
                .containsExactly("A Ph.D. Student wrote it, a.k.a. Jo.", "Fine.");
    }

    @Test
    void aPeriodBeforeAWordThatIsNotAnAbbreviationStillSplits() {
        assertThat(splitter.split("The deal closed in 2019. Sales rose. We shipped version 5. It works."))
                .containsExactly("The deal closed in 2019.", "Sales rose.", "We shipped version 5.", "It works.");
        assertThat(splitter.split("He works at Acme Inc. The company grew, etc. Then more."))
                .containsExactly("He works at Acme Inc.", "The company grew, etc.", "Then more.");
    }

    @Test
    void urlsDomainsAndQueryStringsStayWhole() {
        assertThat(splitter.split("See https://a.example/c.d?x=1&y=2!z for it. Visit example.com. "
                + "The app at https://x.example/#!/Home works. Mail jo@x.example? Yes."))
                .containsExactly("See https://a.example/c.d?x=1&y=2!z for it.", "Visit example.com.",
                        "The app at https://x.example/#!/Home works.", "Mail jo@x.example?", "Yes.");
        assertThat(splitter.split("Version v2.1.0 is 3.5 times faster than 1.9. Really."))
                .containsExactly("Version v2.1.0 is 3.5 times faster than 1.9.", "Really.");
    }

    @Test
    void questionOrExclamationBeforeALowerCaseWordDoesNotSplit() {
        assertThat(splitter.split("“Is it ready?” she asked. Yahoo! is a company. What? No."))
                .containsExactly("“Is it ready?” she asked.", "Yahoo! is a company.", "What?", "No.");
    }

    @Test
    void everyLineBreakEndsASentence() {
        assertThat(splitter.split("Release notes\nVersion 2 adds sync. Dr.\nSmith left\n\nNew paragraph"))
                .containsExactly("Release notes", "Version 2 adds sync.", "Dr.", "Smith left", "New paragraph");
    }

    @Test
    void germanAbbreviationsAndDates() {
        assertThat(splitter.split("Der Vertrag wurde am 3. Mai unterzeichnet. Dr. Müller sagt, z. B. die Kosten "
                + "steigen, bzw. sinken nicht. Es kamen 12. Dann gingen alle.", 100, "de"))
                .containsExactly("Der Vertrag wurde am 3. Mai unterzeichnet.",
                        "Dr. Müller sagt, z. B. die Kosten steigen, bzw. sinken nicht.", "Es kamen 12.", "Dann gingen alle.");
    }

    @Test
    void frenchSpacedPunctuationAndQuotes() {
        assertThat(splitter.split("M. Dupont est arrivé. Il a dit « Bonjour. » Puis il est parti ! Vraiment ?", 100, "fr"))
                .containsExactly("M. Dupont est arrivé.", "Il a dit « Bonjour. »", "Puis il est parti !", "Vraiment ?");
    }

    @Test
    void germanSentencesEndingInAWordThatEndsLikeAnAbbreviationStillSplit() {
        // CLDR lists "r." (rechts) for German; only the whole word is an abbreviation, not "klar." or "aber."
        assertThat(splitter.split("Das war klar. Sie kam aber. Es war das Jahr. Er sah r. Hand.", 100, "de"))
                .containsExactly("Das war klar.", "Sie kam aber.", "Es war das Jahr.", "Er sah r. Hand.");
    }

    @Test
    void acronymsThatEndSentencesSplit() {
        assertThat(splitter.split("The firm moved to Washington, DC. The move was quick. It was OK. Fine."))
                .containsExactly("The firm moved to Washington, DC.", "The move was quick.", "It was OK.", "Fine.");
    }

    @Test
    void germanQuotesCloseTheirSentence() {
        assertThat(splitter.split("Er sagte: „Es geht.“ Dann ging er. Sie rief: »Halt!« Niemand hörte.", 100, "de"))
                .containsExactly("Er sagte: „Es geht.“", "Dann ging er.", "Sie rief: »Halt!«", "Niemand hörte.");
    }

    @Test
    void russianInitialsAndAbbreviations() {
        assertThat(splitter.split("Г. Иванов приехал в Москву. Он сказал: «Привет». Т.е. всё хорошо. "
                + "Цена 100 руб. в месяц.", 100, "ru"))
                .containsExactly("Г. Иванов приехал в Москву.", "Он сказал: «Привет».", "Т.е. всё хорошо.",
                        "Цена 100 руб. в месяц.");
    }

    @Test
    void japaneseSplitsAfterFullStopsEvenBeforeLatinWords() {
        assertThat(splitter.split("新型を発表した。iPhoneは秋に出る！価格は？「本当です。」と述べた。", 100, "ja"))
                .containsExactly("新型を発表した。", "iPhoneは秋に出る！", "価格は？", "「本当です。」と述べた。");
    }

    @Test
    void unknownOrOddLanguageCodesFallBackToEnglish() {
        String text = "Dr. Smith met Mr. Jones. They talked.";
        List<String> english = splitter.split(text, 10, "en");
        for (String lang : new String[] {null, "", "zz", "en-GB", "pt_BR", "english", "12", "x"}) {
            assertThat(splitter.split(text, 10, lang)).as(String.valueOf(lang)).hasSize(english.size());
        }
    }

    @Test
    void concurrentCallsGiveTheSameSentencesAsOneThread() throws Exception {
        List<String> texts = List.of("Dr. Smith met Mr. Jones. They talked. L.A. Noire shipped.",
                "Der Vertrag wurde am 3. Mai unterzeichnet. Dr. Müller sagt nein.",
                "今日は晴れです。明日は雨でしょう！", "M. Dupont est arrivé. Il est parti.");
        List<String> langs = List.of("en", "de", "ja", "fr");
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            expected.add(splitter.split(texts.get(i), 100, langs.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 500; round++) {
                        int i = round % texts.size();
                        if (!splitter.split(texts.get(i), 100, langs.get(i)).equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
