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

    @Test
    void libraryAloneIsNotDevelopers() {
        Article smuggling = text("Gun-smuggling case puts spotlight on library straddling the border",
                "A library that straddles the border was the meeting place of a plot to bring dozens of handguns"
                + " across. The library's reading room has a line on the floor; visitors from both sides meet there.");
        assertThat(ids(defaults.classify(smuggling))).doesNotContain("developers");

        Article software = text("New release of the requests library",
                "Version 3 of the Python HTTP library drops old APIs and adds async support.");
        assertThat(ids(defaults.classify(software))).first().isEqualTo("developers");
    }

    @Test
    void pandemicAsATimeMarkerIsNotHealth() {
        Article jobs = text("Jobless claims drop to another pandemic low",
                "Applications for unemployment benefits fell to 385,000 last week as hiring picked up and employers"
                + " added workers, the Labor Department said.");
        assertThat(ids(defaults.classify(jobs))).doesNotContain("health");

        Article outbreak = text("Pandemic fills hospitals again",
                "Hospitals in three states reported more patients with the infection, and doctors urged vaccination.");
        assertThat(ids(defaults.classify(outbreak))).first().isEqualTo("health");
    }

    @Test
    void aKeywordThatNeedsCompanyCountsOnlyNextToAnotherOfItsAudience() {
        AudienceClassifier c = new AudienceClassifier(List.of(
                audience("dev", Map.of("library?", 2.0, "version?", 1.0, "python", 1.0))));
        assertThat(c.classify(text("The library reopens", "The town library reopens on Monday."))).isEmpty();
        assertThat(ids(c.classify(text("The library reopens", "Version 2 of the library is out.")))).containsExactly("dev");
        assertThat(ids(c.classify(text("A Python library", "")))).containsExactly("dev");
        // the ?-keyword adds its weight once it has company: library (2 × 3 in the title) + python (1)
        assertThat(c.score(text("A library", "written in python"))[0]).isEqualTo(2.0 * 3 + 1.0);
    }

    @Test
    void videoGameIsGamingNotCreators() {
        Article game = text("The best video games of the year",
                "Our critics pick the video games that defined the year, from indie gems to blockbusters.");
        List<String> who = ids(defaults.classify(game));
        assertThat(who).first().isEqualTo("gaming");
        assertThat(who).doesNotContain("creators");
        // "video" alone is still a creators word where the text is about making videos
        assertThat(ids(defaults.classify(text("Editing video for YouTube",
                "A designer shows how creators cut video in an afternoon.")))).first().isEqualTo("creators");
    }

    @Test
    void aPhraseBeatsTheWordsInsideIt() {
        AudienceClassifier c = new AudienceClassifier(List.of(
                audience("gaming", Map.of("video game", 3.0)), audience("creators", Map.of("video", 1.0))));
        assertThat(ids(c.classify(text("A video game", "")))).containsExactly("gaming");
        // audiences sorted by id: creators, gaming
        assertThat(c.score(text("A video game", ""))).containsExactly(0.0, 9.0);
        assertThat(c.score(text("A video game and a video", ""))).containsExactly(3.0, 9.0);
    }

    @Test
    void germanAndRussianTechArticlesAreForDevelopers() {
        Article german = text("Neue Version der Programmiersprache Rust veröffentlicht",
                "Die Entwickler der Programmiersprache haben eine neue Version freigegeben. Der Compiler prüft den"
                + " Quellcode jetzt schneller, und die Standardbibliothek bekommt neue Schnittstellen für Entwickler.");
        assertThat(ids(defaults.classify(german))).first().isEqualTo("developers");
        Article russian = text("Вышла новая версия языка программирования Rust",
                "Разработчики языка программирования выпустили новую версию. Компилятор быстрее проверяет исходный"
                + " код, а в стандартной библиотеке появились новые функции для программистов.");
        assertThat(ids(defaults.classify(russian))).first().isEqualTo("developers");
    }

    @Test
    void prefixesMatchInflectedWords() {
        AudienceClassifier c = new AudienceClassifier(List.of(audience("sec", Map.of("уязвим*", 1.0))));
        for (String word : List.of("уязвимость", "уязвимости", "уязвимостью", "Уязвимостях")) {
            assertThat(ids(c.classify(text(word, "")))).as(word).containsExactly("sec");
        }
        assertThat(c.classify(text("уязв", ""))).isEmpty();
    }

    @Test
    void newDefaultAudiencesInSeveralLanguages() {
        assertThat(ids(defaults.classify(text("Élection présidentielle : le second tour aura lieu dimanche",
                "Les électeurs sont appelés aux urnes ; les candidats ont fait campagne toute la semaine."))))
                .first().isEqualTo("politics");
        assertThat(ids(defaults.classify(text("Nueva vacuna contra la gripe",
                "Los médicos recomiendan la vacuna a los pacientes mayores; el hospital abrió una campaña."))))
                .first().isEqualTo("health");
        assertThat(ids(defaults.classify(text("Telescópio registra nova imagem de planeta distante",
                "Astrônomos usaram o telescópio espacial para observar o planeta e a sua atmosfera."))))
                .first().isEqualTo("science");
        assertThat(ids(defaults.classify(text("Bundesliga: Spieltag endet mit Überraschung",
                "Die Mannschaft gewann das Spiel nach einem späten Tor; der Trainer lobte den Torwart."))))
                .first().isEqualTo("sports");
    }

    @Test
    void priorAudienceIsNamedWhenNothingMatchedAndRaisedWhenSomethingDid() {
        Article nothing = text("Weekly notes", "Nothing to see here, folks.");
        assertThat(defaults.classify(nothing)).isEmpty();
        assertThat(defaults.classify(nothing, List.of("security")))
                .containsExactly(new AudienceRef("security", "Security Teams"));
        assertThat(defaults.classify(nothing, List.of("no-such-audience"))).isEmpty();

        AudienceClassifier c = new AudienceClassifier(List.of(
                audience("a", Map.of("alpha", 1.0)), audience("b", Map.of("beta", 1.0))));
        Article mostlyAlpha = text("Alpha alpha", "beta");
        // beta scores 1 against alpha's 6: under the 35 % cut-off, unless it is the feed's audience
        assertThat(ids(c.classify(mostlyAlpha))).containsExactly("a");
        assertThat(ids(c.classify(mostlyAlpha, List.of("b")))).containsExactly("a", "b");
        // the boost can reorder: b at 1.5 × its score beats a close a
        Article close = text("Alpha", "beta beta beta");
        assertThat(ids(c.classify(close))).containsExactly("a", "b");
        assertThat(ids(c.classify(close, List.of("b")))).containsExactly("b", "a");
        // a prior that did not match never pushes out an audience that did
        assertThat(ids(c.classify(text("Alpha", ""), List.of("b")))).containsExactly("a");
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
