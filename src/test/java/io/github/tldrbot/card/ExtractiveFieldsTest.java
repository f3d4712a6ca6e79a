package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9 item 4: sections that earn their place, or are omitted. */
class ExtractiveFieldsTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));

    @Test
    void theNextStepCarriesTheLinkOfItsAnchorText() {
        Article a = article("Toolkit 3.0 released", "https://blog.example.org/toolkit-3",
                "Toolkit 3.0 was released on Monday with a rewritten plugin loader. "
                        + "The new loader starts plugins in parallel, which cuts start-up time by 40 percent. "
                        + "Plugins built for 2.x keep working without changes. "
                        + "Upgrade to 3.0 after reading the release notes.",
                List.of(new ArticleLink("release notes", "https://example.org/toolkit/3.0/notes"),
                        new ArticleLink("Toolkit", "https://example.org/toolkit")));
        Card card = summarizer.summarize(a);
        assertThat(card.whatToDoNext()).startsWith("Upgrade to 3.0").endsWith("https://example.org/toolkit/3.0/notes");
    }

    @Test
    void noActionInTheTextMeansNoNextStep() {
        Card card = summarizer.summarize(article("Council passes budget", "https://city.example/budget",
                "The city council approved a budget of 2.1 billion euros on Friday. "
                        + "Spending on schools rises by 6 percent, the largest increase in a decade. "
                        + "The opposition voted against it, arguing that road repairs were cut. "
                        + "Read more on our website.", List.of()));
        assertThat(card.whatToDoNext()).isNull();
        assertThat(card.tldr()).contains("approved a budget");
    }

    @Test
    void advertsMetaLinesQuestionsAndHeadingsAreNeverFields() {
        Card card = summarizer.summarize(article("Episode 12: the new scheduler", "https://pod.example/12",
                "In this episode we talk about the new kernel scheduler. "
                        + "Release notes\n\n"
                        + "The scheduler landed in Linux 7.1 on Sunday after two years of review. "
                        + "Latency for interactive tasks dropped by half in the maintainers' tests, because wake-ups no longer wait for a full tick. "
                        + "Is this the end of the old CFS? "
                        + "Use code KERNEL for 20% off your first order. "
                        + "Desktop users will notice smoother audio and video under load.", List.of()));
        assertThat(fields(card)).noneMatch(f -> f.startsWith("In this episode") || f.contains("code KERNEL")
                || f.endsWith("?") || f.equals("Release notes"));
        assertThat(card.tldr()).contains("landed in Linux 7.1");
        assertThat(card.whatChanged()).isNotNull();
    }

    @Test
    void fieldsNeverRestateTheTitleOrEachOther() {
        Card card = summarizer.summarize(article("Acme raises $50 million to build fusion reactors",
                "https://x.example/acme",
                "Acme raises $50 million to build fusion reactors. "
                        + "The Series C round was led by Example Ventures and values the company at $1.2 billion. "
                        + "Acme will use the money to finish its first pilot plant in Nevada by 2028. "
                        + "That would make it the first private company to put fusion power on the grid.", List.of()));
        assertThat(card.tldr()).doesNotStartWith("Acme raises $50 million");
        List<String> fields = fields(card);
        assertThat(fields).doesNotHaveDuplicates();
        assertThat(fields).noneMatch(f -> f.equals("Acme raises $50 million to build fusion reactors."));
    }

    @Test
    void aHookIsShortDistinctFromTheTldrAndOnlyWhenTheTextHasOne() {
        Card card = summarizer.summarize(article("Orca 2 ships", "https://n.example/orca",
                "Nimbus Labs launched Orca 2 on Tuesday, an open-weight coding model that reads up to one million tokens of context. "
                        + "Nimbus released the Orca 2 weights under the Apache 2.0 license on Tuesday. "
                        + "Nimbus launched a hosted Orca 2 API that costs $0.40 per million input tokens. "
                        + "Nimbus trained Orca 2 on 12 trillion tokens of permissively licensed code, the company said. "
                        + "Orca 2 scored 71 percent on SWE-bench Verified, ahead of every other open coding model. "
                        + "Nimbus also released Orca 2 Mini for laptops on Tuesday. "
                        + "Orca 2 Mini runs the coding model on a single consumer GPU with 16 GB of memory. "
                        + "The release means teams can keep their code on their own machines. "
                        + "Nimbus launched Orca 1 in March with a context of 128,000 tokens.", List.of()));
        assertThat(card.hook()).as("a long article with strong short statements left over has a hook").isNotNull()
                .hasSizeLessThanOrEqualTo(Card.HOOK_MAX);
        assertThat(card.tldr()).doesNotContain(card.hook());
        assertThat(card.keyTakeaways()).doesNotContain(card.hook());
        assertThat(card.whatChanged()).isNotEqualTo(card.hook());
        Card oneLiner = summarizer.summarize(article("Short", "https://n.example/s",
                "The city council approved the new budget on Friday.", List.of()));
        assertThat(oneLiner.hook()).as("nothing left to say that the TL;DR does not").isNull();
    }

    @Test
    void imperativeDetectionIsNotFooledByNounsOrPlurals() {
        Card card = summarizer.summarize(article("Survey results", "https://s.example/r",
                "Updates to the survey portal arrived on Monday for all 3,000 schools. "
                        + "Test results are now published for every district in the state. "
                        + "Use of the portal doubled compared with 2024, the ministry said. "
                        + "The ministry expects more schools to join in 2027.", List.of()));
        assertThat(card.whatToDoNext()).isNull();
    }

    @Test
    void aConditionalYouIsNotAdvice() {
        Card card = summarizer.summarize(article("Dive watch review", "https://w.example/dive",
                "The new dive watch is a sports watch with a depth gauge added, the maker said on Monday. "
                        + "The obvious goal being that if you are cave diving it should be able to take a few knocks. "
                        + "It costs $999 and ships in November.", List.of()));
        assertThat(card.whatToDoNext()).isNull();
    }

    @Test
    void addressedAdviceAndAvailabilityAreActions() {
        Card advice = summarizer.summarize(article("Critical flaw in WidgetOS", "https://sec.example/w",
                "A critical flaw in WidgetOS 4 lets remote attackers run code as root, the vendor disclosed on Tuesday. "
                        + "The bug is tracked as CVE-2026-1234 and is being exploited in the wild. "
                        + "Administrators should install WidgetOS 4.2.1 from https://widget.example/download immediately.",
                List.of()));
        assertThat(advice.whatToDoNext()).contains("should install").contains("https://widget.example/download");

        Card available = summarizer.summarize(article("Foo 2.0", "https://foo.example/2",
                "Foo 2.0 rewrites the storage engine in Rust, the maintainers announced. "
                        + "Writes are three times faster in their benchmarks. "
                        + "Foo 2.0 is available for download on the project's website.",
                List.of(new ArticleLink("project's website", "https://foo.example/download"))));
        assertThat(available.whatToDoNext()).contains("available for download").endsWith("https://foo.example/download");
    }

    @Test
    void sponsorReadsAndCreditedQuestionsAreLeftOut() {
        StringBuilder notes = new StringBuilder("The new tablet keyboard finally shipped this week after two delays.\n\n"
                + "Is it worth cleaning dust out of laptops? (via Jane Doe)\n\n"
                + "The company raised the price of its storage plans by 20 percent on Monday.\n\n"
                + "Home network upgrades are cheaper than they were a year ago, because mesh kits fell in price.\n\n");
        notes.append("Sponsored by:\n\nAcme VPN: Browse privately. Use code SHOW for 20% off.\n\n"
                + "Widgets: The best widgets money can buy, with a 30-day trial.");
        Card card = summarizer.summarize(article("Episode 300", "https://pod.example/300", notes.toString(), List.of()));
        assertThat(fields(card)).isNotEmpty().noneMatch(f -> f.contains("Acme") || f.contains("Widgets")
                || f.contains("worth cleaning"));
    }

    private static List<String> fields(Card c) {
        List<String> out = new java.util.ArrayList<>();
        for (String s : new String[] {c.tldr(), c.whatChanged(), c.whyItMatters(), c.whatToDoNext(), c.hook()}) {
            if (s != null) {
                out.add(s);
            }
        }
        out.addAll(c.keyTakeaways());
        return out;
    }

    private static Article article(String title, String link, String body, List<ArticleLink> links) {
        return new Article("id", null, title, link, Instant.parse("2026-11-28T10:00:00Z"), null, null, List.of(),
                body, body, null, "en", links);
    }
}
