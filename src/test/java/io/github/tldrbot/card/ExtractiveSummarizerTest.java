package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer =
            new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));

    private static List<String> ids(Card card) {
        return card.whoShouldCare().stream().map(AudienceRef::id).toList();
    }

    private Card summarizeChecked(Article a) {
        Card card = summarizer.summarize(a);
        CardInvariants.check(card, a.title() + " " + a.contentText());
        return card;
    }

    @Test
    void sentencesThatIntroduceAListAreNeverACardField() {
        String text = "Nimbus released Orca 2, an open model for code review, on Monday. "
                + "The release adds three things that teams asked for:\n\n"
                + "Reviews now run twice as fast on large repositories.\n\n"
                + "Teams can run the model on their own servers without a cloud account.\n\n"
                + "Pricing for the hosted version starts at ten dollars per seat. "
                + "Download the weights from the model hub and try it on your next pull request.";
        Card card = summarizeChecked(SampleArticles.article("Nimbus releases Orca 2", "https://nimbus.example/orca-2",
                List.of(), text, text));
        assertThat(CardInvariants.fields(card)).noneMatch(f -> f.strip().endsWith(":"));
        assertThat(card.keyTakeaways()).isNotEmpty();
    }

    @Test
    void productLaunchCard() {
        Card card = summarizeChecked(SampleArticles.productLaunch());
        assertThat(card.tldr()).contains("Orca 2");
        assertThat(card.whatChanged()).isNotNull();
        assertThat(card.whyItMatters()).contains("means developers can feed an entire repository");
        assertThat(card.whatToDoNext()).contains("download").contains("https://huggingface.co/nimbus/orca-2");
        assertThat(card.keyTakeaways()).isNotEmpty();
        assertThat(ids(card)).first().isEqualTo("developers");
        assertThat(CardInvariants.fields(card)).noneMatch(f -> f.contains("appeared first on"));
    }

    @Test
    void aSentenceOpeningWithTheSectionsOwnLabelDoesNotRepeatIt() {
        String body = "The Justice Department will treat ransomware investigations like terrorism cases, according to"
                + " internal guidance sent to prosecutors on Thursday. Why it matters: the guidance means attacks on"
                + " pipelines and hospitals will be tracked by a central task force, which could lead to faster arrests."
                + " The memo names two recent attacks that hit fuel supplies and meat plants across the country."
                + " Officials said the change takes effect immediately for every office.";
        Card card = summarizeChecked(new Article("x", null, "DOJ to treat ransomware like terrorism",
                "https://example.org/doj", null, null, null, null, body, body, null));
        assertThat(card.whyItMatters()).isNotNull().doesNotStartWithIgnoringCase("why it matters")
                .startsWith("The guidance means");
    }

    @Test
    void securityAdvisoryCardSaysWhatToPatchAndWhere() {
        Card card = summarizeChecked(SampleArticles.securityAdvisory());
        assertThat(card.tldr()).contains("critical vulnerability in LlamaServe");
        assertThat(card.whatChanged()).contains("CVE-2026-41234");
        assertThat(card.whyItMatters()).contains("compromised");
        assertThat(card.whatToDoNext()).contains("update to 2.3.1")
                .contains("https://github.com/llamaserve/llamaserve/releases/tag/v2.3.1");
        assertThat(ids(card)).first().isEqualTo("security");
        assertThat(CardInvariants.fields(card)).noneMatch(f -> f.startsWith("Read more"));
    }

    @Test
    void researchPaperCard() {
        Card card = summarizeChecked(SampleArticles.researchPaper());
        assertThat(card.tldr()).contains("sparse attention");
        assertThat(card.whyItMatters()).contains("because attention cost grows quadratically");
        assertThat(card.whatToDoNext()).contains("https://arxiv.org/abs/2611.01234");
        assertThat(ids(card)).first().isEqualTo("researchers");
    }

    @Test
    void fundingRoundCardHasNoNextStepWhenTheTextHasNoAction() {
        Article a = SampleArticles.fundingRound();
        Card card = summarizeChecked(a);
        assertThat(card.tldr()).contains("$120 million").contains("Series B");
        assertThat(card.whatToDoNext()).as("a pointer to the article is not an action").isNull();
        assertThat(ids(card)).first().isEqualTo("investors");
        assertThat(ids(card)).contains("executives");
    }

    @Test
    void regulationCard() {
        Card card = summarizeChecked(SampleArticles.regulation());
        assertThat(card.tldr()).contains("2 August 2026");
        assertThat(card.whatToDoNext()).contains("read the Commission's guidelines")
                .contains("https://digital-strategy.example.eu/gpai-guidelines");
        assertThat(card.whyItMatters()).isNotNull();
        assertThat(ids(card)).first().isEqualTo("policy");
    }

    @Test
    void linkComesFromANeighbouringSentenceWhenTheActionHasNone() {
        Article a = SampleArticles.article("Toolkit 1.4.2 fixes a crash", "https://blog.example.com/p/1", List.of(), null,
                "Toolkit 1.4.2 fixes a crash that hit users on ARM laptops during start-up. "
                + "All users should upgrade to 1.4.2 today. "
                + "Release notes are at https://toolkit.example.com/notes/1.4.2 for the details.");
        Card card = summarizeChecked(a);
        assertThat(card.whatToDoNext()).startsWith("All users should upgrade to 1.4.2 today.")
                .endsWith("https://toolkit.example.com/notes/1.4.2");
    }

    @Test
    void longActionSentenceIsShortenedButKeepsItsLink() {
        String filler = "with a great many words that go on and on about the details of the release ".repeat(5);
        Article a = SampleArticles.article("Project ships version 5.0 with faster builds", "https://example.com/r",
                List.of(), null, "The project shipped version 5.0 today with faster builds. "
                + "Builds of the project are now twice as fast as version 4.0 builds. "
                + "Download it from https://example.com/download/5.0 " + filler + "before the weekend.");
        Card card = summarizeChecked(a);
        assertThat(card.whatToDoNext()).startsWith("Download it from https://example.com/download/5.0 with").endsWith("…");
        assertThat(card.whatToDoNext().length()).isLessThanOrEqualTo(300);
    }

    @Test
    void linkFarIntoALongSentenceIsAppendedAfterTheShortenedText() {
        String filler = "with a great many words that go on and on about the details of the release ".repeat(5);
        Article a = SampleArticles.article("Project ships version 5.0 with faster builds", "https://example.com/r",
                List.of(), null, "The project shipped version 5.0 today with faster builds. "
                + "Builds of the project are now twice as fast as version 4.0 builds. "
                + "Download it " + filler + "from https://example.com/download/5.0 before the weekend.");
        Card card = summarizeChecked(a);
        assertThat(card.whatToDoNext()).startsWith("Download it with").endsWith("… https://example.com/download/5.0");
        assertThat(card.whatToDoNext().length()).isLessThanOrEqualTo(300);
    }

    @Test
    void stripsHtmlAndEntitiesAFeedLetThrough() {
        Article a = SampleArticles.article("Tom &amp; Jerry <b>return</b>", "https://example.com/tj", List.of(), null,
                "<p>The studio &amp; its partners announced a new season.</p><p>It will stream on &#8220;Toons+&#8221; "
                + "from March 3.</p><script>alert(1)</script>");
        Card card = summarizer.summarize(a);
        CardInvariants.check(card, null);
        assertThat(card.tldr()).contains("The studio & its partners announced a new season.");
        assertThat(String.join(" ", CardInvariants.fields(card))).doesNotContain("alert(1)");
    }

    @Test
    void boilerplateSentencesAreDropped() {
        Article a = SampleArticles.article("Widget 3 is out", "https://example.com/w3", List.of(), null,
                "Widget 3 is out with a redesigned editor and offline sync for teams. "
                + "Offline sync means notes stay usable on flights and in tunnels. Continue reading → "
                + "12 Comments. Click here to subscribe. "
                + "The post Widget 3 is out appeared first on Widget Blog.");
        Card card = summarizeChecked(a);
        String all = String.join(" | ", CardInvariants.fields(card));
        assertThat(all).doesNotContain("appeared first on").doesNotContain("Continue reading")
                .doesNotContain("Comments").doesNotContain("Click here");
        assertThat(card.tldr()).startsWith("Widget 3 is out with a redesigned editor");
    }

    @Test
    void summaryThatIsOnlyBoilerplateFallsBackToTheTitle() {
        Article a = SampleArticles.article("OpenAI ships a new model", "https://example.com/m", List.of(),
                "Read more…", null);
        Card card = summarizeChecked(a);
        assertThat(card.tldr()).isEqualTo("OpenAI ships a new model");
        assertThat(card.whatChanged()).isNull();
        assertThat(card.whyItMatters()).isNull();
        assertThat(card.whatToDoNext()).isNull();
        assertThat(card.keyTakeaways()).isEmpty();
    }

    @Test
    void emptyArticlesGiveATitleOnlyOrEmptyCard() {
        Card titleOnly = summarizeChecked(SampleArticles.article("Just a title", null, List.of(), null, null));
        assertThat(titleOnly).isEqualTo(new Card("Just a title", null, null, null, List.of(), List.of(), "extractive"));
        Card nothing = summarizer.summarize(new Article("x", null, null, null, null, null, null, null, null, null, null));
        assertThat(nothing).isEqualTo(new Card(null, null, null, null, List.of(), List.of(), "extractive"));
        Card blank = summarizer.summarize(SampleArticles.article("  ", null, List.of(), " ", "\n\t"));
        assertThat(blank.tldr()).isNull();
    }

    @Test
    void usesTheSummaryWhenThereIsNoContent() {
        Article a = SampleArticles.article("Kubernetes 1.40 released", "https://example.com/k", List.of(),
                "Kubernetes 1.40 was released with sidecar containers enabled by default.", null);
        Card card = summarizeChecked(a);
        assertThat(card.tldr()).isEqualTo("Kubernetes 1.40 was released with sidecar containers enabled by default.");
        assertThat(ids(card)).containsExactly("developers");
    }

    @Test
    void oneSentenceArticleGivesTldrOnly() {
        Article a = SampleArticles.article("Short", "https://example.com/s", List.of(), null,
                "The city council approved the new budget on Friday.");
        Card card = summarizeChecked(a);
        assertThat(card.tldr()).isEqualTo("The city council approved the new budget on Friday.");
        assertThat(card.whatChanged()).isNull();
        assertThat(card.whyItMatters()).isNull();
        assertThat(card.keyTakeaways()).isEmpty();
        assertThat(card.whatToDoNext()).isNull();
    }

    @Test
    void textWithoutSentencePunctuationIsShortenedAtAWord() {
        String words = "the quick brown fox jumps over the lazy dog while the engineers deploy the new cluster ";
        Article a = SampleArticles.article("No punctuation", null, List.of(), null, words.repeat(20));
        Card card = summarizeChecked(a);
        assertThat(card.tldr()).endsWith("…").hasSizeLessThanOrEqualTo(300);
        assertThat(words.repeat(20)).startsWith(card.tldr().substring(0, card.tldr().length() - 1));
    }

    @Test
    void handlesA200KilobyteArticle() {
        String text = SampleArticles.longText(200_000, 42);
        Article a = SampleArticles.article("The company announced a faster inference engine", "https://example.com/big",
                List.of("AI"), null, text);
        Card card = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> summarizer.summarize(a));
        CardInvariants.check(card, a.title() + " " + text);
        assertThat(card.tldr()).isNotNull();
        assertThat(card.whoShouldCare()).isNotEmpty();
    }

    @Test
    void hostileBodiesNeitherHangNorBreakTheRules() {
        List<String> bodies = List.of(".".repeat(1_000_000), "a".repeat(1_000_000), "<p>".repeat(300_000),
                "😀".repeat(300_000), "U.S. ".repeat(200_000), "e.g.".repeat(250_000), "&amp;".repeat(200_000),
                "Why? ".repeat(200_000), "\n\n".repeat(300_000) + "End.", "x.y ".repeat(250_000),
                "“".repeat(100_000) + "Quote." + "”".repeat(100_000));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String body : bodies) {
                Article a = SampleArticles.article("Hostile input", "https://example.com/h", List.of(), null, body);
                Card card = summarizer.summarize(a);
                CardInvariants.check(card, null);
                assertThat(card.tldr()).isNotNull();
            }
        });
    }

    @Test
    void nonEnglishArticlesAreSummarized() {
        Article ja = SampleArticles.article("新しいモデルを公開", null, List.of(), null,
                "当社は本日、新しい言語モデルを公開しました。このモデルは以前より三倍速く動作します。価格は据え置きです。");
        Card card = summarizeChecked(ja);
        assertThat(card.tldr()).contains("新しい言語モデルを公開しました。");
        Article ur = SampleArticles.article("نیا ماڈل", null, List.of(), null,
                "کمپنی نے آج ایک نیا ماڈل جاری کیا۔ یہ ماڈل پہلے سے تیز ہے۔");
        assertThat(summarizeChecked(ur).tldr()).contains("کمپنی نے آج ایک نیا ماڈل جاری کیا۔");
    }

    @Test
    void sameInputGivesTheSameCardWhateverTheAudienceOrder() {
        List<Article> articles = List.of(SampleArticles.productLaunch(), SampleArticles.securityAdvisory(),
                SampleArticles.researchPaper(), SampleArticles.fundingRound(), SampleArticles.regulation(),
                SampleArticles.article("Mixed", "https://example.com/x", List.of("AI"), null,
                        SampleArticles.longText(8_000, 3)));
        List<Card> first = articles.stream().map(summarizer::summarize).toList();
        assertThat(articles.stream().map(summarizer::summarize).toList()).isEqualTo(first);
        Random random = new Random(11);
        for (int round = 0; round < 5; round++) {
            List<AudienceConfig> shuffled = new ArrayList<>(DefaultAudiences.list());
            Collections.shuffle(shuffled, random);
            ExtractiveSummarizer other = new ExtractiveSummarizer(new AudienceClassifier(shuffled));
            assertThat(articles.stream().map(other::summarize).toList()).isEqualTo(first);
        }
    }
}
