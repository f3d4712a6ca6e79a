package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlReader;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.StoreKind;
import io.github.tldrbot.store.StoreTest;
import io.github.tldrbot.usecase.ImportOpml;
import io.github.tldrbot.usecase.ImportReport;
import io.github.tldrbot.usecase.UseCases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;

/**
 * Wall time of {@code /feed import} / {@code import-opml} for a 1,000-feed OPML file (issue 12 item
 * 4: "seconds"), on each store: read the file, check and resolve the addresses (a tenth are platform
 * addresses), subscribe every entry in one transaction. Nothing is fetched (the first polls seed).
 * Three imports into fresh channels of one guild, each timed; the first includes warm-up.
 * Run: {@code mvn -o -q -Pbench test -Dtest=OpmlImportBenchmark}.
 */
@Tag("benchmark")
class OpmlImportBenchmark {
    private static final int FEEDS = 1000;

    @StoreTest
    void importsAThousandFeedFile(Database db, StoreKind kind) throws Exception {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("limits: {feedsPerGuild: 5000}\n", "opml-bench");
        UseCases cases = UseCases.of(config, db, RecapScheduleChanges.NONE, Clock.systemUTC());
        for (int run = 0; run < 3; run++) {
            StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><head><title>bench</title></head><body>\n");
            for (int i = 0; i < FEEDS; i++) {
                String url = i % 10 == 0 ? "https://github.com/owner" + run + "/repo" + i
                        : "https://feed" + i + ".run" + run + ".example/rss";
                opml.append("<outline text=\"Category ").append(i % 20).append("\"><outline type=\"rss\" text=\"Feed ").append(i)
                        .append("\" xmlUrl=\"").append(url).append("\"/></outline>\n");
            }
            opml.append("</body></opml>");
            long start = System.nanoTime();
            List<OpmlEntry> entries = new OpmlReader().read(opml.toString().getBytes(StandardCharsets.UTF_8));
            ImportReport report = cases.importOpml().run(new ImportOpml.Request(1L << 22, 100 + run, "<#" + (100 + run) + ">",
                    entries), new PlatformUrls(null));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(report.count(ImportReport.Outcome.SUBSCRIBED)).isEqualTo(FEEDS);
            System.out.printf(Locale.ROOT, "opml-import store=%s run=%d entries=%d seconds=%.2f%n", kind, run, FEEDS, seconds);
        }
    }
}
