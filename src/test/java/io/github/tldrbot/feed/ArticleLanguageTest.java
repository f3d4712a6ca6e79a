package io.github.tldrbot.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Language detection of SPEC §4.2: ISO 639-1 codes, null when there is too little to tell. */
class ArticleLanguageTest {

    private final ArticleLanguage languages = new ArticleLanguage();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        en | City council approves new bike lanes | The city council voted on Tuesday to build twelve kilometres of protected bike lanes across the centre. Work starts in spring and should be finished before the end of next year, the mayor said.
        de | Stadtrat beschließt neue Radwege | Der Stadtrat hat am Dienstag beschlossen, zwölf Kilometer geschützte Radwege durch die Innenstadt zu bauen. Die Arbeiten beginnen im Frühjahr und sollen bis Ende nächsten Jahres abgeschlossen sein, sagte die Bürgermeisterin.
        fr | Le conseil municipal approuve de nouvelles pistes cyclables | Le conseil municipal a voté mardi la construction de douze kilomètres de pistes cyclables protégées dans le centre. Les travaux commenceront au printemps et devraient être terminés avant la fin de l'année prochaine, a déclaré la maire.
        es | El ayuntamiento aprueba nuevos carriles bici | El ayuntamiento votó el martes la construcción de doce kilómetros de carriles bici protegidos en el centro. Las obras empezarán en primavera y deberían terminar antes de finales del año que viene, según la alcaldesa.
        pt | Câmara aprova novas ciclovias | A câmara municipal votou na terça-feira a construção de doze quilómetros de ciclovias protegidas no centro da cidade. As obras começam na primavera e devem estar concluídas antes do fim do próximo ano, disse a presidente.
        ru | Городской совет одобрил новые велодорожки | Во вторник городской совет проголосовал за строительство двенадцати километров защищённых велодорожек в центре города. Работы начнутся весной и должны завершиться до конца следующего года, сообщила мэр.
        ja | 市議会が新しい自転車専用レーンを承認 | 市議会は火曜日、中心部に保護された自転車専用レーンを十二キロ整備することを可決した。工事は春に始まり、来年末までに完了する予定だと市長は述べた。
        """)
    void tellsTheLanguageOfAnArticle(String expected, String title, String body) {
        assertThat(languages.detect(title, body)).isEqualTo(expected);
    }

    @Test
    void tooShortATextHasNoLanguage() {
        assertThat(languages.detect("Apple ships M5", null)).isNull();
        assertThat(languages.detect("Hello", "World")).isNull();
        assertThat(languages.detect(null, null)).isNull();
        assertThat(languages.detect("", "   ")).isNull();
        assertThat(languages.detect("2025-01-01", "12:00 — 42 / 17 % ++ #1")).isNull();
    }

    @Test
    void readsTheTitleAndTheHeadOfTheBodyOnly() {
        String german = "Der Stadtrat hat am Dienstag beschlossen, neue Radwege durch die Innenstadt zu bauen. ";
        String english = "The council also voted to repaint every bridge in the city in a brighter colour. ";
        // the language of the first paragraphs wins, whatever follows past the cut
        String body = german.repeat(8) + english.repeat(200);
        assertThat(ArticleLanguage.head("Radwege", body)).hasSizeLessThanOrEqualTo(ArticleLanguage.MAX_CHARS);
        assertThat(languages.detect("Neue Radwege", body)).isEqualTo("de");
    }

    @Test
    void headNeverEndsOnHalfASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String body = "x".repeat(ArticleLanguage.MAX_CHARS - "T. ".length() - 1) + emoji + "tail";
        String head = ArticleLanguage.head("T", body);
        assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
    }

    @Test
    void theParserSetsTheLanguageOfEachArticle() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://e.example/</link>"
                + "<item><title>Neue Radwege für die Innenstadt</title><guid>1</guid><description>Der Stadtrat hat am Dienstag"
                + " beschlossen, zwölf Kilometer geschützte Radwege durch die Innenstadt zu bauen.</description></item>"
                + "<item><title>Short</title><guid>2</guid></item>"
                + "</channel></rss>";
        List<Article> articles = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://e.example/rss").articles();
        assertThat(articles).extracting(Article::lang).containsExactly("de", null);

        List<Article> undetected = new FeedParser(ArticleLanguage.NONE).parse(xml.getBytes(StandardCharsets.UTF_8), null,
                "https://e.example/rss").articles();
        assertThat(undetected).extracting(Article::lang).containsExactly(null, null);
    }

    @Test
    void noneDetectsNothing() {
        Article a = new Article("id", null, "Stadtrat beschließt neue Radwege", null, null, null, null, List.of(),
                "Der Stadtrat hat am Dienstag beschlossen, neue Radwege durch die Innenstadt zu bauen.", null, null);
        assertThat(ArticleLanguage.NONE.detect(a).lang()).isNull();
        assertThat(languages.detect(a).lang()).isEqualTo("de");
    }
}
