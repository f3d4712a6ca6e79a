package io.github.tldrbot.feed;

import opennlp.tools.langdetect.Language;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LanguagePredictor} gives OpenNLP's answer to the bit — every language, in the same order,
 * with the same probability — on the text of every article of the shared corpus (the head the
 * detector reads, the whole summary and the whole body) and on inputs that exercise OpenNLP's
 * normalisers and lower-casing: emoji, URLs, mentions, numbers, letters outside the BMP, Turkish
 * dotted capitals, scripts of several languages, runs of repeated letters.
 */
class ArticleLanguageExactnessTest {

    private final LanguagePredictor predictor = ArticleLanguage.predictor();

    @Test
    void theShippedModelTakesTheFastPath() {
        assertThat(predictor.buildsOwnNgrams()).isTrue();
    }

    @Test
    void handMadeInputsGetOpenNlpsExactAnswer() {
        List<String> texts = List.of(
                "",
                "a",
                "The city council voted on Tuesday to build twelve kilometres of protected cycle lanes.",
                "Der Stadtrat hat am Dienstag beschlossen, zwölf Kilometer geschützte Radwege zu bauen.",
                "İSTANBUL'DA İLK KEZ: Belediye yeni metro hattını açtı, günde 200.000 yolcu bekleniyor.",
                "Президент подписал закон о бюджете на 2027 год, сообщает пресс-служба Кремля.",
                "東京都は火曜日、新しい自転車専用道路を12キロ整備すると発表した。",
                "北京市政府周二宣布，将修建十二公里的自行车专用道。",
                "وقال المجلس البلدي إنه سيبني اثني عشر كيلومترا من ممرات الدراجات المحمية.",
                "Check https://example.com/path?x=1 and www.example.org now!!! @someone #news 😀😀😀 🇩🇪",
                "Soooooo goooood!!!! hahahahaha lolololol 1234567 3.14159 2,000,000",
                "𐐀𐐁𐐂 Deseret 𐐨𐐩 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters 𝒜ℬ𝒞 mixed with plain words here",
                "ΑΘΗΝΑ: Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια. ΣΊΓΜΑ τελικό ς.",
                "   lots   of\twhitespace\n\n\nand\u00a0non-breaking\u2007spaces   ",
                "Mixed English und Deutsch et français in one sentence, which is hard to call.");
        for (String text : texts) {
            assertSameAnswer(text);
        }
    }

    @Test
    void everyCorpusArticleGetsOpenNlpsExactAnswer() throws Exception {
        Path feeds = CorpusParseTest.FEEDS;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(feeds), "shared corpus absent");
        FeedParser parser = new FeedParser(ArticleLanguage.NONE);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(feeds)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (file.toString().endsWith(".tsv")) {
                    continue;
                }
                try {
                    for (Article a : parser.parse(Files.readAllBytes(file), null, "https://corpus.example/").articles()) {
                        String body = a.contentText() != null ? a.contentText() : a.summary();
                        texts.add(ArticleLanguage.head(a.title(), body));
                        if (a.summary() != null) {
                            texts.add(a.summary());
                        }
                        if (body != null && body.length() > ArticleLanguage.MAX_CHARS) {
                            texts.add(body.substring(0, Math.min(body.length(), 5_000)));
                        }
                    }
                } catch (FeedParseException unreadable) {
                    // not a feed: nothing to detect
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(2_000);
        for (String text : texts) {
            assertSameAnswer(text);
        }
    }

    private void assertSameAnswer(String text) {
        Language[] ours = predictor.predictLanguages(text);
        Language[] theirs = predictor.predictWithOpenNlp(text);
        assertThat(ours).as(text).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i].getLang()).as("rank %d of %s", i, text).isEqualTo(theirs[i].getLang());
            assertThat(Double.doubleToRawLongBits(ours[i].getConfidence())).as("rank %d of %s", i, text)
                    .isEqualTo(Double.doubleToRawLongBits(theirs[i].getConfidence()));
        }
    }
}
