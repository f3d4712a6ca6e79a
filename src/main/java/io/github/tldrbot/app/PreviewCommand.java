package io.github.tldrbot.app;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CardCache;
import io.github.tldrbot.card.CardTextRenderer;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticlePageReader;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.feed.PageTextCache;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.poll.ArticleFullText;
import io.github.tldrbot.poll.FullTextSettings;
import io.github.tldrbot.poll.PageFullText;
import io.github.tldrbot.quality.CardQualityReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code preview SOURCE}: fetch or read one feed, build the cards of its first N articles (document
 * order) and print them. Posts nothing and stores nothing. For an http(s) SOURCE the articles of a
 * teaser feed get the full text of their web pages ({@code --full-text}, default auto); a local
 * file is previewed offline, from its own text only. {@code preview --quality SOURCE...} prints the
 * card-quality report over any number of feeds instead (a directory stands for the feed files in
 * it, see {@link PreviewSources}); it reads no article pages.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Print the TL;DR cards of a feed (URL or local file) without posting or storing anything; "
                + "with --quality, the card-quality report over one or more feeds.")
final class PreviewCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 5;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = "An http(s) feed URL or a local feed file; with --quality several, and a directory "
                    + "stands for the feed files in it.")
    List<String> sources;

    @Option(names = "--json", description = "Print the JSON document instead of text.")
    boolean json;

    @Option(names = "--quality", description = "Print the card-quality report (issue 9's table) over every article "
            + "of the sources instead of the cards.")
    boolean quality;

    @Option(names = "--limit", paramLabel = "N",
            description = "First N articles of each source in document order (default " + DEFAULT_LIMIT
                    + ", with --quality 0; 0 = all).")
    Integer limit;

    @Option(names = "--full-text", paramLabel = "MODE",
            description = "For a URL: read article pages for the cards: auto (only for teaser feeds; default), always, never.")
    String fullText;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int n = limit != null ? limit : quality ? 0 : DEFAULT_LIMIT;
        if (n < 0) {
            throw new CliException(ExitCodes.USAGE, "--limit must be 0 (all) or a positive number, not " + n);
        }
        if (quality && json) {
            throw new CliException(ExitCodes.USAGE, "--quality prints a text table; --json is not available with it");
        }
        List<String> expanded = PreviewSources.expand(sources);
        boolean url = !quality && expanded.stream().anyMatch(SourceReader::isUrl);
        FullTextMode mode = fullTextMode(url);
        BotConfig config = common.loadConfig();
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        if (quality) {
            return printQuality(wiring, config, expanded, n);
        }
        try (HttpFeedFetcher fetcher = wiring.fetcher()) {
            // preview stores nothing, so read pages are not cached either; a local file never reads pages
            ArticleFullText pages = mode != FullTextMode.NEVER
                    ? new PageFullText(new ArticlePageReader(fetcher), PageTextCache.NONE, FullTextSettings.fixed(mode))
                    : ArticleFullText.NONE;
            SourceReader reader = new SourceReader(config.fetch(), fetcher);
            List<FeedInfo> feeds = new ArrayList<>();
            List<PreviewJsonRenderer.Item> items = new ArrayList<>();
            List<ParsedFeed> parsedFeeds = new ArrayList<>();
            // preview stores nothing, so model-written cards are not cached here
            Summarizer summarizer = wiring.summarizer(CardCache.NONE);
            try {
                for (String source : expanded) {
                    ParsedFeed parsed = parse(source, reader.read(source));
                    parsedFeeds.add(parsed);
                    feeds.add(parsed.feed());
                    cards(wiring, summarizer, parsed, SourceReader.isUrl(source) ? pages : ArticleFullText.NONE,
                            n, feeds.size() - 1, items);
                }
            } finally {
                close(summarizer);
            }
            // a URL is read now, so "collected N h after publication" tells how late it is; a saved file says nothing
            Instant seenAt = expanded.stream().allMatch(SourceReader::isUrl) ? Clock.systemUTC().instant() : null;
            PreviewStories.Result merged = PreviewStories.merge(feeds, items);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new PreviewJsonRenderer(seenAt).render(feeds, merged.items(), merged.stories()));
            } else if (expanded.size() == 1) {
                printText(out, parsedFeeds.get(0), merged.items(), seenAt);
            } else {
                printStories(out, feeds, merged, seenAt);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private FullTextMode fullTextMode(boolean url) {
        if (fullText == null) {
            return url ? FullTextMode.AUTO : FullTextMode.NEVER;
        }
        FullTextMode mode = FullTextMode.parse(fullText).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "--full-text must be auto, always or never, not '" + fullText + "'"));
        if (!url && mode != FullTextMode.NEVER) {
            throw new CliException(ExitCodes.USAGE, "--full-text " + mode.id() + " reads article web pages, which preview"
                    + " does only for an http(s) SOURCE; a local file is previewed from its own text");
        }
        return mode;
    }

    private static ParsedFeed parse(String source, SourceReader.Source doc) {
        try {
            return new FeedParser().parse(doc.body(), doc.contentType(), doc.baseUrl());
        } catch (FeedParseException e) {
            throw new CliException(ExitCodes.NOT_A_FEED, source + ": " + e.getMessage());
        }
    }

    /** The cards of the first {@code n} articles of one source (0 = all), appended to {@code items}. */
    private static void cards(Wiring wiring, Summarizer summarizer, ParsedFeed parsed, ArticleFullText pages, int n,
                              int feedIndex, List<PreviewJsonRenderer.Item> items) {
        List<Article> articles = n == 0 || parsed.articles().size() <= n
                ? parsed.articles() : parsed.articles().subList(0, n);
        // the document's articles stand for the feed's recent ones, which the bot reads from its store
        Supplier<List<AudienceRef>> topic = wiring.feedTopic().lazy(parsed.feed().title(), parsed::articles);
        for (Article a : articles) {
            Article full = pages.complete(0, parsed.feed(), a);
            Card card = FeedTopic.fill(summarizer.summarize(full), topic);
            items.add(new PreviewJsonRenderer.Item(full, card, feedIndex, null));
        }
    }

    private int printQuality(Wiring wiring, BotConfig config, List<String> expanded, int n) {
        // preview stores nothing, so model-written cards are not cached here
        Summarizer summarizer = wiring.summarizer(CardCache.NONE);
        CardQualityReport report;
        try (HttpFeedFetcher fetcher = wiring.fetcher()) {
            report = new CardQualityRun(config, fetcher, summarizer, wiring.feedTopic()).run(expanded, n);
        } finally {
            close(summarizer);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render());
        out.flush();
        return ExitCodes.OK;
    }

    private static void close(Summarizer summarizer) {
        if (summarizer instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing left to do with it
            }
        }
    }

    /** Several sources: each story once, its card and its numbered sources, stories in order of first article. */
    private static void printStories(PrintWriter out, List<FeedInfo> feeds, PreviewStories.Result merged, Instant seenAt) {
        long multi = merged.stories().stream().filter(s -> s.items().size() > 1).count();
        out.println("# " + feeds.size() + " feeds, " + merged.items().size() + " articles, " + merged.stories().size()
                + " stories (" + multi + " told by several sources)");
        CardTextRenderer renderer = new CardTextRenderer();
        for (PreviewStories.Story story : merged.stories()) {
            PreviewJsonRenderer.Item first = story.items().get(0);
            out.println();
            out.println(renderer.render(feeds.get(first.feed()), first.article(), story.card(), seenAt));
            if (story.sources().size() > 1) {
                out.println("Sources (" + story.sources().size() + "):");
                for (StorySource source : story.sources()) {
                    out.println("  [" + source.n() + "] " + (source.publisher() == null ? "" : source.publisher() + " — ")
                            + (source.title() == null ? "" : source.title()) + (source.link() == null ? "" : " <" + source.link() + ">"));
                }
            }
            if (!story.related().isEmpty()) {
                out.println("Related:");
                story.related().forEach(r -> out.println("  • " + r.title() + (r.link() == null ? "" : " <" + r.link() + ">")));
            }
        }
    }

    private static void printText(PrintWriter out, ParsedFeed parsed, List<PreviewJsonRenderer.Item> items,
                                  Instant seenAt) {
        String title = parsed.feed().title() == null ? parsed.feed().url() : parsed.feed().title();
        out.println("# " + title + " (" + parsed.feed().format() + ", " + parsed.articles().size()
                + " articles, showing " + items.size() + ")");
        CardTextRenderer renderer = new CardTextRenderer();
        for (PreviewJsonRenderer.Item item : items) {
            out.println();
            out.println(renderer.render(parsed.feed(), item.article(), item.card(), seenAt));
        }
    }
}
