package io.github.tldrbot.app;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.SentenceSplitter;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.discord.EmbedLimits;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.quality.CardChecks;
import io.github.tldrbot.quality.CardQualityReport;
import io.github.tldrbot.quality.CardSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code preview --quality}: reads and parses every source, makes each article's card with the
 * configured summarizer (timed), renders it as the Discord embed the bot would send and checks
 * that against Discord's limits, and fills a {@link CardQualityReport}. A source that cannot be
 * read or parsed becomes a "no cards" line instead of ending the run. With the extractive
 * summarizer every article is summarized once, untimed, before the timed pass, so the times are
 * those of a warm bot rather than of the JIT compiler, and each article's time is the median of
 * {@value #OFFLINE_RUNS} runs (the summarizer is deterministic); a model summarizer is called once
 * per article only.
 */
final class CardQualityRun {

    /** Timed runs per article with the extractive summarizer; the median is kept, so a pause of the machine does not count. */
    static final int OFFLINE_RUNS = 3;

    private record Loaded(String source, ParsedFeed feed, List<Article> articles) {
    }

    private final BotConfig config;
    private final FeedFetcher fetcher;
    private final Summarizer summarizer;
    private final FeedTopic topic;
    private final FeedParser parser = new FeedParser();
    private final CardEmbeds embeds;
    private final EmbedLimits limits = new EmbedLimits();

    CardQualityRun(BotConfig config, FeedFetcher fetcher, Summarizer summarizer, FeedTopic topic) {
        this.config = config;
        this.topic = topic;
        this.fetcher = fetcher;
        this.summarizer = summarizer;
        this.embeds = new CardEmbeds(config.audiences());
    }

    /**
     * The report over the first {@code limit} articles of each source (0 = all).
     *
     * @throws CliException when no source could be read at all (with the first source's error)
     */
    CardQualityReport run(List<String> sources, int limit) {
        CardQualityReport report = new CardQualityReport(new CardChecks(new SentenceSplitter()),
                config.summarizer().usesModel() ? "openai:" + config.summarizer().openai().model() : "extractive");
        List<Loaded> loaded = new ArrayList<>();
        CliException firstFailure = null;
        for (String source : sources) {
            try {
                ParsedFeed feed = read(source);
                List<Article> articles = limit == 0 || feed.articles().size() <= limit
                        ? feed.articles() : feed.articles().subList(0, limit);
                loaded.add(new Loaded(source, feed, articles));
            } catch (CliException e) {
                report.failed(source, e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (loaded.isEmpty() && firstFailure != null) {
            throw firstFailure;
        }
        boolean offline = !config.summarizer().usesModel();
        if (offline) {
            loaded.forEach(l -> l.articles().forEach(summarizer::summarize));
        }
        int runs = offline ? OFFLINE_RUNS : 1;
        for (Loaded l : loaded) {
            Supplier<List<AudienceRef>> feedTopic = topic.lazy(l.feed().feed().title(), l.feed()::articles);
            for (Article article : l.articles()) {
                long[] nanos = new long[runs];
                Card card = null;
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    card = summarizer.summarize(article);
                    nanos[r] = System.nanoTime() - t0;
                }
                Arrays.sort(nanos);
                // not timed: the bot works out a feed's topic once per batch, not per article
                card = FeedTopic.fill(card, feedTopic);
                report.add(new CardSample(l.source(), article, card, breaches(l.feed(), article, card), nanos[runs / 2]));
            }
        }
        return report;
    }

    private ParsedFeed read(String source) {
        SourceReader.Source doc = new SourceReader(config.fetch(), fetcher).read(source);
        try {
            return parser.parse(doc.body(), doc.contentType(), doc.baseUrl());
        } catch (FeedParseException e) {
            throw new CliException(ExitCodes.NOT_A_FEED, e.getMessage());
        }
    }

    /** The limits the card's embed breaks; JDA refusing to build it counts as a breach too. */
    private List<String> breaches(ParsedFeed feed, Article article, Card card) {
        OutgoingMessage message = new OutgoingMessage(0L, "quality-report", feed.feed().title(), feed.feed().link(),
                article, card, List.of(), article.published() != null ? article.published() : Instant.EPOCH);
        try {
            return limits.breaches(embeds.render(message));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return List.of("the embed could not be built: " + e.getMessage());
        }
    }
}
