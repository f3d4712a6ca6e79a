package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import java.time.Instant;
import java.util.List;

/** Hand-written, realistic articles for the card tests (no corpus files needed). */
final class SampleArticles {

    private SampleArticles() {
    }

    static Article article(String title, String link, List<String> categories, String summary, String content) {
        return new Article("id-" + Math.abs((title + link).hashCode()), null, title, link,
                Instant.parse("2026-11-28T10:00:00Z"), null, "Staff", categories, summary, content, null);
    }

    static Article productLaunch() {
        return article("Nimbus launches Orca 2, an open-weight coding model with a 1M-token context window",
                "https://news.example.com/2026/11/orca-2",
                List.of("AI", "Developer Tools"),
                "Nimbus released Orca 2 today.",
                "Nimbus Labs launched Orca 2 on Tuesday, an open-weight large language model tuned for coding that "
                + "reads up to one million tokens of context. The model weights are published on Hugging Face under "
                + "the Apache 2.0 license, and a hosted API costs $0.40 per million input tokens. On the SWE-bench "
                + "Verified benchmark Orca 2 resolves 61.2% of issues, up from 44.8% for Orca 1.5. "
                + "The larger context window means developers can feed an entire repository to the model instead of "
                + "hand-picking files, which cuts the time spent on retrieval pipelines. "
                + "Dr. Maya Chen, the company's CTO, said the team trained the model on permissively licensed code "
                + "only, e.g. GitHub repositories with MIT or Apache licenses. "
                + "The release also adds a Python SDK and a VS Code extension. "
                + "Orca 2 is available now: download the weights from https://huggingface.co/nimbus/orca-2 or try "
                + "the API at https://nimbus.example.com/orca. "
                + "Nimbus says a smaller 7B variant for laptops will follow in January. "
                + "The post Nimbus launches Orca 2 appeared first on AI Weekly.");
    }

    static Article securityAdvisory() {
        return article("Critical flaw in LlamaServe lets attackers run code remotely (CVE-2026-41234)",
                "https://security.example.org/advisories/llamaserve-rce",
                List.of("Security"),
                null,
                "A critical vulnerability in LlamaServe, a popular open-source server for running language models, "
                + "allows unauthenticated attackers to execute arbitrary code on the host. The flaw, tracked as "
                + "CVE-2026-41234 with a CVSS score of 9.8, affects versions 2.0 through 2.3.0. "
                + "It is caused by unsafe deserialization of model configuration files uploaded through the admin API. "
                + "Researchers at Redline Security found that the bug is already being exploited in the wild to "
                + "install cryptocurrency miners and steal cloud credentials. "
                + "This means any LlamaServe instance reachable from the internet should be treated as compromised "
                + "until it is patched. "
                + "Administrators should update to 2.3.1 immediately; the patched release is available at "
                + "https://github.com/llamaserve/llamaserve/releases/tag/v2.3.1. "
                + "If you cannot upgrade right away, block access to the /admin endpoint and rotate any API keys "
                + "stored on the server. "
                + "Read more…");
    }

    static Article researchPaper() {
        return article("New paper: sparse attention matches dense transformers at a third of the compute",
                "https://research.example.edu/blog/sparse-attention",
                List.of("Research", "Machine Learning"),
                null,
                "Researchers at the University of Lisbon published a paper on arXiv showing that a sparse attention "
                + "scheme matches dense transformers on language modelling while using 35% of the training compute. "
                + "The team trained models from 125M to 7B parameters on the same dataset and evaluated them on eight "
                + "benchmarks, including MMLU and HellaSwag. "
                + "In ablation studies, the learned routing of tokens to attention blocks accounted for most of the gain. "
                + "The result matters because attention cost grows quadratically with sequence length, so cheaper "
                + "attention could make long-context models affordable for smaller labs. "
                + "The authors caution that the method has not yet been tested above 7B parameters. "
                + "The code and checkpoints are on GitHub, and the paper will be presented at ICLR in April. "
                + "Read the paper at https://arxiv.org/abs/2611.01234 to see the full evaluation.");
    }

    static Article fundingRound() {
        return article("Vectorly raises $120 million Series B at a $1.1 billion valuation",
                "https://startups.example.com/vectorly-series-b",
                List.of("Funding", "Startups"),
                null,
                "Vectorly, a San Francisco startup that sells a managed vector database, has raised $120 million in a "
                + "Series B round led by Sequoia, valuing the company at $1.1 billion. "
                + "Existing investors Index Ventures and Y Combinator also took part in the round. "
                + "The company says annual recurring revenue tripled over the past year to $30 million, driven by "
                + "enterprise customers building retrieval-augmented generation systems. "
                + "CEO and co-founder Lena Park said the funding will be used to expand into Europe and to double the "
                + "engineering team to 200 people by the end of 2027. "
                + "The round makes Vectorly the third vector-database company to reach unicorn status this year, "
                + "which means competition with Pinecone and Weaviate for enterprise deals will intensify. "
                + "Analysts expect further consolidation in the market as larger cloud providers add vector search "
                + "to their existing databases.");
    }

    static Article regulation() {
        return article("EU AI Act: obligations for general-purpose AI models take effect in August",
                "https://policy.example.eu/ai-act-gpai",
                List.of("Regulation", "EU"),
                null,
                "The European Commission confirmed that the AI Act's obligations for providers of general-purpose AI "
                + "models take effect on 2 August 2026, after the Parliament rejected a proposal to delay them. "
                + "Providers must publish a summary of the content used for training, comply with EU copyright law "
                + "and keep technical documentation for regulators. "
                + "Models classed as posing systemic risk face additional requirements, including adversarial testing "
                + "and incident reporting to the AI Office. "
                + "Fines for violations can reach €15 million or 3% of global annual turnover, whichever is higher. "
                + "The rules will affect every company that offers a general-purpose model in the EU market, "
                + "including U.S. providers such as OpenAI and Anthropic. "
                + "Companies should read the Commission's guidelines at https://digital-strategy.example.eu/gpai-guidelines "
                + "and sign the voluntary code of practice before the deadline.");
    }

    /** A long plain text with several paragraphs, built from varied sentences. */
    static String longText(int approxChars, long seed) {
        String[] subjects = {"The company", "Researchers", "The new release", "Regulators", "The startup", "Engineers",
            "The open-source project", "Analysts", "The security team", "Designers"};
        String[] verbs = {"announced", "reported", "shipped", "found", "released", "warned about", "published",
            "demonstrated", "patched", "raised"};
        String[] objects = {"a faster inference engine for large language models", "a vulnerability in the login API",
            "version 3.2.1 of the SDK", "$45 million in new funding", "a dataset of 1.2 million images",
            "new rules for AI providers in the U.S. and the EU", "a plugin for Figma and Photoshop",
            "benchmarks showing a 12.5% gain", "an update to the Python library", "a report on GPU prices 🚀 and supply"};
        String[] tails = {"on Monday.", "this week.", "according to Dr. Smith.", "after months of testing.",
            "— see https://example.com/notes?id=42 for details.", "(e.g. for mobile apps).", "in a blog post.",
            "which means users can upgrade today.", "because demand keeps growing.", "so that teams can ship faster!"};
        StringBuilder b = new StringBuilder();
        long x = seed;
        int sentence = 0;
        while (b.length() < approxChars) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (x >>> 33);
            b.append(subjects[Math.floorMod(r, subjects.length)]).append(' ')
                    .append(verbs[Math.floorMod(r / 10, verbs.length)]).append(' ')
                    .append(objects[Math.floorMod(r / 100, objects.length)]).append(' ')
                    .append(tails[Math.floorMod(r / 1000, tails.length)]);
            b.append(++sentence % 7 == 0 ? "\n\n" : " ");
        }
        return b.toString();
    }
}
