package io.github.tldrbot.observe;

import io.github.tldrbot.delivery.DeliveryEvents;
import io.github.tldrbot.llm.ModelEvents;
import io.github.tldrbot.schedule.PollCycleSummary;
import io.github.tldrbot.websub.WebSubEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The bot's Prometheus metrics (SPEC §11; names and example alerts in docs/observability.md). Events
 * arrive through the small listener interfaces of the packages that see them — the poll dispatcher,
 * the delivery worker, the model summarizer, Discord's HTTP client — so Micrometer stays in this
 * package; counts that live in the store (outbox depth, failing feeds) are gauges read at scrape time.
 */
public final class BotMetrics implements DeliveryEvents, ModelEvents, WebSubEvents {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer pollCycle = Timer.builder("tldrbot.poll.cycle").description("one dispatch cycle, claim to last poll")
            .register(registry);
    private final Timer send = Timer.builder("tldrbot.send").description("one Discord send, publisher call").register(registry);
    private final Counter rateLimited = Counter.builder("tldrbot.discord.rate.limited")
            .description("HTTP 429 answers from Discord (JDA waits and retries them)").register(registry);

    public BotMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** A dispatch cycle's totals: polls by outcome, new and posted articles, the cycle's time. */
    public void pollCycle(PollCycleSummary summary) {
        polls("ok", summary.ok());
        polls("not_modified", summary.notModified());
        polls("throttled", summary.throttled());
        polls("failed", summary.failed());
        counter("tldrbot.articles.new", "articles seen for the first time").increment(summary.newArticles());
        counter("tldrbot.articles.posted", "articles whose card went to the outbox").increment(summary.posted());
        if (summary.feeds() > 0) {
            pollCycle.record(summary.took());
        }
    }

    private void polls(String outcome, int n) {
        Counter.builder("tldrbot.polls").description("feed polls by outcome").tag("outcome", outcome).register(registry).increment(n);
    }

    /** Counted by the Discord HTTP client for every 429. */
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void sent(Duration took) {
        deliveries("sent");
        send.record(took);
    }

    @Override
    public void retried() {
        deliveries("retry");
    }

    @Override
    public void failed() {
        deliveries("failed");
    }

    @Override
    public void refused() {
        deliveries("refused");
    }

    @Override
    public void skipped() {
        deliveries("skipped");
    }

    private void deliveries(String outcome) {
        Counter.builder("tldrbot.deliveries").description("outbox rows by outcome").tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void cached() {
        model("cached");
    }

    @Override
    public void answered() {
        model("answered");
    }

    @Override
    public void fellBack(String cause) {
        model("fallback");
        Counter.builder("tldrbot.model.fallbacks").description("cards made by the extractive fallback, by cause")
                .tag("cause", cause).register(registry).increment();
    }

    private void model(String outcome) {
        Counter.builder("tldrbot.model.cards").description("model summarizer cards by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    @Override
    public void pushReceived() {
        counter("tldrbot.websub.pushes.received", "POSTs on WebSub callback URLs").increment();
    }

    @Override
    public void pushAccepted() {
        counter("tldrbot.websub.pushes.accepted", "WebSub pushes with a valid signature, handed to the poller's path").increment();
    }

    @Override
    public void pushRejected(String reason) {
        Counter.builder("tldrbot.websub.pushes.rejected").description("WebSub pushes whose content was ignored, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** A value read at every scrape (a store count, the shards run now); a failing read shows as NaN. */
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        Gauge.builder(name, () -> {
            try {
                Number n = value.get();
                return n == null ? Double.NaN : n.doubleValue();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).tags(tags).register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
