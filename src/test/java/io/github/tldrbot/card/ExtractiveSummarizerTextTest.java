package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text the extractive summarizer works on (SPEC §5.1): furniture stripped, sentences split in the
 * article's language, and every section ending with terminal punctuation, a closing quote or "…".
 */
class ExtractiveSummarizerTextTest {

    private final ExtractiveSummarizer summarizer =
            new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));

    private static Article article(String title, String body, String lang, List<ArticleLink> links) {
        return new Article("id", null, title, "https://news.example/a", Instant.parse("2026-11-28T10:00:00Z"), null,
                null, List.of(), null, body, null, lang, links);
    }

    private Card summarize(Article a) {
        Card card = summarizer.summarize(a);
        CardInvariants.check(card, a.title() + " " + a.contentText());
        for (String section : sections(card)) {
            assertThat(SentenceEndings.isEnded(section)).as("section ends properly: %s", section).isTrue();
        }
        return card;
    }

    private static List<String> sections(Card card) {
        List<String> out = new java.util.ArrayList<>();
        for (String s : new String[] {card.tldr(), card.whatChanged(), card.whyItMatters()}) {
            if (s != null) {
                out.add(s);
            }
        }
        out.addAll(card.keyTakeaways());
        return out;
    }

    private static String all(Card card) {
        return String.join(" | ", CardInvariants.fields(card));
    }

    @Test
    void redditSelfPostLosesItsFooter() {
        Card card = summarize(article("We rebuilt a 1970s radio into a clock",
                "We rebuilt a 1970s radio into a clock that syncs over the network. The case is the original walnut. "
                + "It took us three weekends and cost about forty dollars in parts.\n\n"
                + "submitted by /u/tinkerer to /r/DIY\n[link] [312 comments]", null, List.of()));
        assertThat(all(card)).doesNotContain("submitted by").doesNotContain("[link]").doesNotContain("comments]");
    }

    @Test
    void aBracketedPhotoCreditIsNeverATakeaway() {
        Card card = summarize(article("Comitê completa 150 dias de atuação",
                "O comitê foi criado para sanar dúvidas de magistrados e servidores sobre a pandemia. "
                + "(Imagem meramente ilustrativa/Imprensa TJRS). "
                + "Desde março, o grupo respondeu a mais de duas mil consultas de todo o estado. "
                + "As reuniões continuam semanais até o fim do ano.", "pt", List.of()));
        assertThat(all(card)).doesNotContain("Imagem meramente ilustrativa");
        assertThat(card.keyTakeaways()).isNotEmpty();
    }

    @Test
    void aNarrativeSentenceOpeningWithAndIsNotTheNextStep() {
        Card card = summarize(article("How to teach someone a board game",
                "Modern board games can be wonderfully complex, weaving mechanics and narrative into one evening. "
                + "Before exploring ruins or building a zoo, everyone learns the rules. "
                + "And after that, you must take on an even harder task: teaching your friends to play. "
                + "Our guide walks through setup, the first turn and the questions players ask most.", "en", List.of()));
        assertThat(card.whatToDoNext()).as("what to do next").satisfiesAnyOf(
                n -> assertThat(n).isNull(), n -> assertThat(n).doesNotStartWith("And"));
    }

    @Test
    void abbreviationsDoNotCutSentencesInTwo() {
        Card card = summarize(article("Rockstar's detective game returns",
                "The remaster of L.A. Noire adds new haircuts, sharper faces and a photo mode for players. "
                + "It costs Rs. 500 in India and ships on Nov. 14 for all consoles. "
                + "J. R. R. Tolkien fans get a bonus case written by Dr. Smith of the U.S. studio.", "en", List.of()));
        assertThat(CardInvariants.fields(card)).noneMatch(f -> f.endsWith("L.A.") || f.startsWith("Noire")
                || f.endsWith("Rs.") || f.endsWith(" J.") || f.endsWith("Dr."));
    }

    @Test
    void aPodcastDescriptionCutAtTheFeedsLimitEndsInAnEllipsisAtAWord() {
        String body = ("This week we argue about the new console lineup, revisit the great pinball debate of last "
                + "spring, answer a pile of listener mail about soup, review three indie games nobody played, and "
                + "take another round of your food questions before the whole crew gets lost in the demoli")
                .substring(0, 255);
        assertThat(body).hasSize(255);
        Card card = summarize(article("Episode 600", body, "en", List.of()));
        assertThat(card.tldr()).endsWith("…").doesNotContain("demoli");
    }

    @Test
    void aCutMarkedByTheFeedEndsInAnEllipsis() {
        Card card = summarize(article("Bright flat near the park",
                "Updated three-bedroom flat with two baths. Beautiful oak floors and high ceilings with crown "
                + "molding in the living rooms. Radiant floor heating keeps every room warm throughou [...]", "en",
                List.of()));
        assertThat(all(card)).doesNotContain("[...]").doesNotContain("throughou");
        assertThat(sections(card)).anyMatch(s -> s.endsWith("every room warm…"));
    }

    @Test
    void headingsSignaturesAndBareUrlsAreNotSections() {
        Card card = summarize(article("Widget API v4 is out",
                "Release notes\n\nWidget API v4 adds batch jobs and removes the legacy report service. "
                + "Batch jobs let clients upload ten thousand operations in one request.\n\n"
                + "Key features\n\nReports now run twice as fast on large accounts. "
                + "The legacy service stops working on 1 March.\n\nhttps://widgets.example/docs/v4\n\n"
                + "Share this:\n\nTwitter\nFacebook\n\n- Jane Roe, Widget API Team", "en", List.of()));
        assertThat(all(card)).doesNotContain("Release notes").doesNotContain("Key features")
                .doesNotContain("Jane Roe").doesNotContain("Share").doesNotContain("Twitter")
                .doesNotContain("widgets.example/docs");
        assertThat(card.tldr()).contains("Widget API v4 adds batch jobs");
    }

    @Test
    void linesThatAreOnlyALinkAreNotSections() {
        Card card = summarize(article("Episode 311: Mutually Assured Destruction",
                "We talk about the keyboard case, the new phones and a waffle maker that broke after a week.\n\n"
                + "Casey's waffle maker review on the blog\n\nThe broken keyboard case from last year\n\n"
                + "Marco thinks the new phones are too heavy for daily use and explains why at length.",
                "en", List.of(new ArticleLink("Casey's waffle maker review on the blog", "https://blog.example/waffle"),
                        new ArticleLink("The broken keyboard case from last year", "https://shop.example/case"))));
        assertThat(all(card)).doesNotContain("waffle maker review").doesNotContain("broken keyboard case");
    }

    @Test
    void germanFrenchRussianAndJapaneseArticlesSplitWhereTheirReadersWould() {
        Card de = summarize(article("Vertrag unterzeichnet",
                "Der Vertrag wurde am 3. Mai in Berlin unterzeichnet. Das war klar. Dr. Müller sagt, z. B. die Kosten "
                + "für Strom steigen weiter. Die Regierung will bis zum Sommer ein neues Gesetz vorlegen.", "de", List.of()));
        assertThat(CardInvariants.fields(de)).noneMatch(f -> f.endsWith("am 3.") || f.startsWith("Mai ")
                || f.contains("klar. Dr.") || f.endsWith("z."));
        Card fr = summarize(article("Le pont rouvre",
                "M. Dupont a annoncé la réouverture du pont. Il a dit « C'est fini. » Les travaux ont duré deux ans. "
                + "La circulation reprendra lundi matin. Lire la suite", "fr", List.of()));
        assertThat(all(fr)).doesNotContain("Lire la suite");
        assertThat(CardInvariants.fields(fr)).noneMatch(f -> f.equals("M.") || f.startsWith("»"));
        Card ru = summarize(article("Мост открыт",
                "Г. Иванов сообщил, что мост снова открыт. Цена проезда 100 руб. в месяц, т.е. как раньше. "
                + "Ремонт занял два года. Читать далее", "ru", List.of()));
        assertThat(all(ru)).doesNotContain("Читать далее");
        assertThat(CardInvariants.fields(ru)).noneMatch(f -> f.equals("Г.") || f.endsWith("руб."));
        Card ja = summarize(article("新モデル公開",
                "当社は本日、新しい言語モデルを公開しました。価格は？「据え置きです。」と述べた。続きを読む", "ja", List.of()));
        assertThat(all(ja)).doesNotContain("続きを読む");
        assertThat(CardInvariants.fields(ja)).noneMatch(f -> f.startsWith("と述べた"));
    }

    @Test
    void aTeaserWithoutAPeriodGetsOneAndALongBodyCutByOurCapEndsInAnEllipsis() {
        Card teaser = summarize(article("McAfee update brings systems down",
                "A signature update is currently causing system failures and a lot of overtime for administrators",
                "en", List.of()));
        assertThat(teaser.tldr()).isEqualTo(
                "A signature update is currently causing system failures and a lot of overtime for administrators.");
        String longBody = "word ".repeat(9_000) + "tail of a very long unpunctuated text";
        Card big = summarize(article("Long", longBody, "en", List.of()));
        assertThat(big.tldr()).endsWith("…");
    }
}
