package io.github.tldrbot.feed;

import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LanguageTextNormalizer} returns what OpenNLP's own chain (as {@code LanguageDetectorFactory}
 * builds it) returns: on inputs aimed at each skipped step — texts where the step's trigger is
 * absent, present without a match, and present with one — and on many strings drawn at random from
 * an alphabet of those triggers, letters, digits, whitespace and surrogates.
 */
class LanguageTextNormalizerTest {

    private static final CharSequenceNormalizer OPENNLP = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    @Test
    void handMadeInputsNormaliseLikeOpenNlp() {
        List<String> texts = List.of(
                "", " ", "plain words only", "  leading and trailing  ",
                "see https://example.com/a?b=c#d and http://x.y", "httpx is not a url", "HTTPS://CAPS.example",
                "mail me: first.last+tag@example.co.uk or a@b", "a lone @ sign and # sign", "#hashtag @mention",
                "RT @user: news", "rt: part rt rtx art start", "PART: Rt ",
                "smile :) wink ;-) laugh xD XP x-o :-( expected export mixed",
                "hahaha jajaja hehe HAHAHA hihihi the jeu", "haehe hahha ahA aHha aha behe",
                "in 2026 we paid 1,234.56 for 3 items", "٣ arabic digits ٤", 
                "tabs\t\tand\n\nnewlines\r\n and \u000b\u000c vt ff", "non\u00a0\u00a0breaking",
                "Soooo goooood!!! AAAaaa aAa ...", "ΣΣΣ σσσ Ϛϛϛ",
                "😀😀😀 emoji 🇩🇪 and 𐐀𐐀𐐀 deseret 𝔘𝔘𝔘", "lone \uD801 high and \uDC00 low",
                "x", ":", "x-", "rt", "r");
        for (String text : texts) {
            assertThat(LanguageTextNormalizer.normalize(text)).as("normalising [%s]", text)
                    .isEqualTo(OPENNLP.normalize(text).toString());
        }
    }

    @Test
    void randomMixesOfTriggersNormaliseLikeOpenNlp() {
        String[] pieces = {"a", "e", "h", "j", "o", "p", "d", "r", "t", "x", "X", "R", "T", "H", "A",
            ":", ";", "-", "(", ")", "@", "#", ".", "+", "_", "/", "http", "https://", "0", "7", " ", "  ",
            "\t", "\n", "\u00a0", "é", "É", "ß", "Σ", "σ", "😀", "𐐀", "\uD83C", "\uDC00", "word", "rt:"};
        Random random = new Random(20261203L);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(LanguageTextNormalizer.normalize(s)).as("normalising [%s]", s)
                    .isEqualTo(OPENNLP.normalize(s).toString());
        }
    }
}
