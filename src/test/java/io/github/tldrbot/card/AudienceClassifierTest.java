package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudienceClassifierTest {

    private final AudienceClassifier defaults = new AudienceClassifier(DefaultAudiences.list());

    private static List<String> ids(List<AudienceRef> refs) {
        return refs.stream().map(AudienceRef::id).toList();
    }

    private static Article text(String title, String body) {
        return SampleArticles.article(title, "https://example.com/a", List.of(), null, body);
    }

    @Test
    void realisticArticlesGoToTheRightAudienceFirst() {
        assertThat(ids(defaults.classify(SampleArticles.securityAdvisory()))).first().isEqualTo("security");
        assertThat(ids(defaults.classify(SampleArticles.productLaunch()))).first().isEqualTo("developers");
        assertThat(ids(defaults.classify(SampleArticles.researchPaper()))).first().isEqualTo("researchers");
        assertThat(ids(defaults.classify(SampleArticles.regulation()))).first().isEqualTo("policy");
        List<String> funding = ids(defaults.classify(SampleArticles.fundingRound()));
        assertThat(funding).first().isEqualTo("investors");
        assertThat(funding).contains("executives");
    }

    @Test
    void returnsAtMostThreeOrderedByScoreWithLabels() {
        Article mixed = text("Startup raises Series A for an open source API security scanner with a Figma plugin",
                "The CEO said researchers published a paper on arXiv about the vulnerability and the GDPR lawsuit.");
        List<AudienceRef> refs = defaults.classify(mixed);
        assertThat(refs).hasSizeBetween(1, 3);
        double[] scores = defaults.score(mixed);
        List<AudienceConfig> sorted = DefaultAudiences.list().stream()
                .sorted(java.util.Comparator.comparing(AudienceConfig::id)).toList();
        for (int k = 1; k < refs.size(); k++) {
            int prev = indexOf(sorted, refs.get(k - 1).id());
            int cur = indexOf(sorted, refs.get(k).id());
            assertThat(scores[prev]).isGreaterThanOrEqualTo(scores[cur]);
        }
        assertThat(refs.get(0).label()).isEqualTo(sorted.get(indexOf(sorted, refs.get(0).id())).label());
    }

    @Test
    void matchesWholeWordsCaseInsensitivelyWithPlurals() {
        AudienceClassifier c = new AudienceClassifier(List.of(
                audience("ai", Map.of("ai", 1.0)),
                audience("sec", Map.of("vulnerability", 1.0, "zero day", 2.0))));
        assertThat(c.classify(text("He said it was maintained", "Nothing about the topic, captain."))).isEmpty();
        assertThat(ids(c.classify(text("AI news", "")))).containsExactly("ai");
        assertThat(ids(c.classify(text("Two VULNERABILITIES found", "")))).containsExactly("sec");
        assertThat(ids(c.classify(text("A Zero-Day in the wild", "")))).containsExactly("sec");
    }

    @Test
    void oneWeakMatchStillNamesAnAudience() {
        assertThat(ids(defaults.classify(text("Weekly notes", "Somewhere in the text a docker image is mentioned."))))
                .containsExactly("developers");
        assertThat(defaults.classify(text("Weekly notes", "Nothing to see here, folks."))).isEmpty();
        assertThat(defaults.classify(new Article("x", null, null, null, null, null, null, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void titleOutweighsText() {
        AudienceClassifier c = new AudienceClassifier(List.of(
                audience("a", Map.of("alpha", 1.0)), audience("b", Map.of("beta", 1.0))));
        assertThat(ids(c.classify(text("Alpha arrives", "beta and beta again")))).first().isEqualTo("a");
        Article categorised = SampleArticles.article("Untitled", null, List.of("Beta"), null, "alpha");
        assertThat(ids(c.classify(categorised))).first().isEqualTo("b");
    }

    @Test
    void configOrderDoesNotChangeTheResult() {
        List<Article> articles = List.of(SampleArticles.productLaunch(), SampleArticles.securityAdvisory(),
                SampleArticles.researchPaper(), SampleArticles.fundingRound(), SampleArticles.regulation(),
                text("Tie", "quokka wombat"));
        List<AudienceConfig> base = new ArrayList<>(DefaultAudiences.list());
        base.add(audience("wombat-fans", Map.of("wombat", 1.0)));
        base.add(audience("quokka-fans", Map.of("quokka", 1.0)));
        List<List<AudienceRef>> expected = articles.stream().map(new AudienceClassifier(base)::classify).toList();
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<AudienceConfig> shuffled = new ArrayList<>(base);
            Collections.shuffle(shuffled, random);
            AudienceClassifier c = new AudienceClassifier(shuffled);
            assertThat(articles.stream().map(c::classify).toList()).isEqualTo(expected);
        }
        assertThat(expected.get(5)).extracting(AudienceRef::id).containsExactly("quokka-fans", "wombat-fans");
    }

    private static AudienceConfig audience(String id, Map<String, Double> keywords) {
        return new AudienceConfig(id, id.toUpperCase(), "about " + id, null, keywords);
    }

    private static int indexOf(List<AudienceConfig> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }
}
