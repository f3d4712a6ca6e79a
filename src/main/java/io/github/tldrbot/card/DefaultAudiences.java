package io.github.tldrbot.card;

import io.github.tldrbot.config.AudienceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audience set that ships when the configuration names none (SPEC §5.3), tuned for AI and tech
 * news. Constant data, kept as one table so it is easy to review and to mirror in the example YAML.
 *
 * <p>Keyword syntax: {@code "phrase:weight"}, comma-separated; weight 1 when omitted. Phrases match
 * on word boundaries, case-insensitively, and plurals fold ({@code apis} matches {@code api}), so
 * only singulars are listed. Weights: 3 = unambiguous signal (cve, ipo, gdpr), 2 = strong,
 * 1 = supporting, below 1 = weak. Words that belong to several audiences (benchmark, acquisition,
 * revenue) carry a lower weight in the secondary audience.
 */
public final class DefaultAudiences {

    private DefaultAudiences() {
    }

    // id, label, description, colour, keywords
    private static final Object[][] TABLE = {
        {"developers", "Developers & AI Engineers",
            "People who build software and AI systems: APIs, SDKs, open-source releases, tools and models to run.",
            0x3498DB,
            "api:2, sdk:2.5, open source:1.5, github:2, gitlab:2, release note:2, changelog:2.5, library:1.5, framework:1.5,"
            + " python:2, javascript:2, typescript:2, rust:1.5, java:1.5, golang:2, kubernetes:2, docker:2, model weight:2,"
            + " fine tuning:2, inference:1, developer:2, programming:2, coding:2, compiler:2, ide:1.5, vs code:2,"
            + " copilot:1.5, cli:2, plugin:1, npm:2, pypi:2, llm:1, agent:0.8, rag:1.5, embedding:1.5, vector database:2,"
            + " context window:1, breaking change:2.5, deprecated:1.5, beta:1, runtime:1.5, hugging face:1.5, pytorch:2,"
            + " tensorflow:2, cuda:2, repository:1.5, pull request:2, devops:2, benchmark:0.5, engineer:1.5"},
        {"researchers", "Researchers & Data Scientists",
            "People who follow the science: papers, datasets, benchmarks, methods and results.",
            0x9B59B6,
            "research:1.5, researcher:2, paper:2, arxiv:3, preprint:2.5, study:1.5, dataset:2, benchmark:1.5, evaluation:1.5,"
            + " peer reviewed:2.5, neurips:3, icml:3, iclr:3, cvpr:3, state of the art:1.5, sota:1.5, ablation:3,"
            + " experiment:1.5, hypothesis:1.5, accuracy:1, transformer:1.5, architecture:1, training data:1.5,"
            + " reinforcement learning:2, neural network:1.5, scientist:2, university:1.5, laboratory:1.5, phd:1.5,"
            + " finding:1.5, data science:2.5, data scientist:2.5, statistical:1.5, reproducibility:2, citation:1.5,"
            + " journal:1.5, scaling law:2.5, interpretability:2.5, alignment:1, published:0.5"},
        {"executives", "Founders & Executives",
            "People who run companies and products: strategy, markets, pricing, partnerships and competition.",
            0xE67E22,
            "ceo:2, cto:1.5, founder:2, co founder:2, startup:2, enterprise:1.5, strategy:1.5, revenue:1, customer:1,"
            + " market:1, market share:2, competition:1, competitor:1.5, partnership:2, acquisition:1.5, acquire:1,"
            + " merger:1.5, pricing:1.5, price:1, subscription:1, business:1.5, layoff:2, hiring:1.5, workforce:1.5,"
            + " board:1, executive:2, leadership:1.5, roi:2, productivity:1, cost:1, adoption:1, go to market:2, b2b:2,"
            + " saas:1.5, growth:1, profit:1, chief:1, company:0.5"},
        {"investors", "Investors",
            "People who follow the money: funding rounds, valuations, deals, earnings and public markets.",
            0x2ECC71,
            "funding:2.5, funding round:2, raised:1.5, series a:3, series b:3, series c:3, series d:3, seed round:3,"
            + " valuation:2.5, valued at:2.5, investor:2.5, venture capital:3, vc:2, ipo:3, stock:2, share price:2.5,"
            + " market cap:2.5, earnings:2, quarterly:1.5, revenue:1.5, billion:1, million:0.5, led by:1, backed:1.5,"
            + " backer:2, nasdaq:3, nyse:3, acquisition:2, deal:1.5, public offering:3, investment:2, invest:1.5,"
            + " portfolio:1.5, andreessen horowitz:2, sequoia:2, softbank:2, unicorn:2, dividend:2, analyst:1.5, profit:1.5"},
        {"policy", "Policy & Legal",
            "People who follow rules and rights: regulation, lawsuits, copyright, privacy and government action.",
            0xF1C40F,
            "regulation:2.5, regulator:2.5, regulatory:2.5, law:1.5, legislation:2.5, bill:1, ai act:3, eu:1.5,"
            + " european commission:2.5, european union:2, parliament:2, congress:2, senate:2, government:1.5,"
            + " ministry:1.5, ftc:3, department of justice:2.5, antitrust:3, lawsuit:2.5, court:2, judge:2, ruling:2,"
            + " copyright:2.5, gdpr:3, privacy:1.5, data protection:2, compliance:2, policy:1.5, policymaker:2.5, ban:1.5,"
            + " fined:2, liability:2, licensing:1, sanction:2, export control:2.5, executive order:2.5, lawmaker:2.5,"
            + " legal:2, attorney:2, lawyer:2, oversight:1.5, governance:1.5, treaty:2, obligation:1.5, watchdog:2.5,"
            + " competition authority:3, investigation:1, digital markets act:3, precedent:1.5"},
        {"security", "Security Teams",
            "People who defend systems: vulnerabilities, exploits, patches, breaches and threat actors.",
            0xE74C3C,
            "security:1.5, vulnerability:3, cve:3, exploit:2.5, exploited:2.5, patch:2, patched:2, breach:2.5,"
            + " data breach:3, ransomware:3, malware:3, zero day:3, phishing:3, attacker:2.5, attack:1.5,"
            + " threat actor:3, threat:1.5, backdoor:2.5, supply chain attack:3, remote code execution:3, rce:2.5,"
            + " privilege escalation:3, authentication:1.5, mfa:2, encryption:1.5, leak:1.5, leaked:1.5,"
            + " compromised:2.5, hacker:2.5, hacked:2.5, botnet:3, ddos:3, cisa:3, security advisory:3, advisory:2,"
            + " incident response:2.5, jailbreak:2, prompt injection:3, credential:2, cvss:3, spyware:3, firewall:2,"
            + " penetration testing:2.5, bug bounty:2.5, mitigation:1.5"},
        {"creators", "Creators & Designers",
            "People who make things people see and hear: design, images, video, music, writing and creative tools.",
            0xE91E63,
            "design:2, designer:2.5, creator:2.5, artist:2.5, art:1, image generation:2.5, image generator:2.5,"
            + " video:1.5, video generation:2.5, music:2, audio:1.5, voice:1, photo:1.5, photography:2, illustration:2.5,"
            + " animation:2.5, midjourney:3, stable diffusion:3, dall e:3, sora:2.5, adobe:2, photoshop:2.5, figma:2.5,"
            + " canva:2.5, creative:2, content creator:3, youtube:2, tiktok:2, instagram:1.5, podcast:2, writer:1.5,"
            + " writing:1, film:1.5, filmmaker:2.5, generative art:3, font:1.5, typography:2.5, ux:2, ui:1, 3d:1.5,"
            + " storytelling:2, illustrator:2.5, brush:1.5"},
    };

    /** The seven default audiences, in display order. */
    public static List<AudienceConfig> list() {
        return java.util.Arrays.stream(TABLE)
                .map(row -> new AudienceConfig((String) row[0], (String) row[1], (String) row[2], (Integer) row[3],
                        parseKeywords((String) row[4])))
                .toList();
    }

    /** Parses {@code "a:2, b c:1.5, d"} into an insertion-ordered map. */
    static Map<String, Double> parseKeywords(String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.lastIndexOf(':');
            String phrase = colon < 0 ? s : s.substring(0, colon).strip();
            double weight = colon < 0 ? 1.0 : Double.parseDouble(s.substring(colon + 1).strip());
            if (out.put(phrase, weight) != null) {
                throw new IllegalStateException("duplicate default keyword: " + phrase);
            }
        }
        return out;
    }
}
