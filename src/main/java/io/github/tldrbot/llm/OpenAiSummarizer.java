package io.github.tldrbot.llm;

import io.github.tldrbot.threads.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CardCache;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.config.OpenAiConfig;
import io.github.tldrbot.config.SummarizerConfig;
import io.github.tldrbot.feed.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cards written by a model behind any OpenAI-compatible chat-completions endpoint (Ollama, vLLM,
 * llama.cpp server, Mistral's API; SPEC §5.2), with the extractive card as the floor: a model
 * outage never stops or delays delivery by more than {@code timeout}.
 *
 * <p>Per card: the card cache is asked first (key: SHA-256 of model, prompt version, language rule,
 * operator instructions and the numbered sources as sent), so a restart or a second channel never pays twice. Then a fair concurrency
 * permit ({@code maxConcurrent}) and a rate slot ({@code requestsPerMinute}) are taken, each waited
 * for at most {@code timeout}; the request asks for structured output in the strongest
 * {@link ResponseFormat} this server has not refused (json_schema, then JSON mode, then plain text —
 * a refusal is remembered for the life of this instance); the answer is validated and repaired by
 * {@link CardResponseParser}, which checks every {@code [n]} against the sources and drops what does
 * not hold (each kind of drop logged once at WARN). On success the card
 * ({@code summarizer = "openai:<model>"}) is cached.
 *
 * <p>On a timeout, connection error, HTTP error, 429 or invalid/empty output the extractive card is
 * returned instead (its label stays {@code extractive}, so the card says which summarizer made
 * it). After a 429 the server's Retry-After (else {@value #DEFAULT_BACKOFF_SECONDS} s) is honoured:
 * calls during that window go straight to the fallback without contacting the server. Each failure
 * cause is logged once at WARN (repeats at DEBUG) and recovery once at INFO; the API key never
 * appears in logs, exceptions or cards. Thread-safe.
 */
public final class OpenAiSummarizer implements Summarizer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiSummarizer.class);
    static final long DEFAULT_BACKOFF_SECONDS = 30;
    /**
     * After a timeout or a refused connection the server is left alone this long: cards in the
     * meantime are extractive at once, so a hanging or stopped model server delays at most the one
     * card that found out, not every card behind it.
     */
    static final Duration OUTAGE_COOLDOWN = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = ResponseFormat.values().length;

    private final String label;
    private final String model;
    private final Duration timeout;
    private final Summarizer fallback;
    private volatile ModelEvents events = ModelEvents.NONE;
    private final CardCache cache;
    private final Clock clock;
    private final CardPrompt prompt;
    private final CardResponseParser parser;
    private final ChatCompletionFetcher fetcher;
    private final Semaphore inFlight;
    private final RequestRateLimiter rateLimiter;
    private final FailureLog failures;
    private final ExecutorService ownExecutor;
    private final AtomicReference<ResponseFormat> format = new AtomicReference<>(ResponseFormat.JSON_SCHEMA);
    /** Formats that have produced a 2xx answer: a later 400 is then about the request, not the format. */
    private final AtomicInteger confirmedFormats = new AtomicInteger();
    private final AtomicReference<Instant> blockedUntil = new AtomicReference<>(Instant.MIN);
    private volatile String blockedBecause = "the server asked to wait (429)";

    /**
     * @param config    {@code summarizer.*}: the endpoint, the card language and the operator's instructions
     * @param audiences the configured audiences: the only ids a card may name (labels come from here)
     * @param fallback  the extractive summarizer, used whenever the model gives no valid card
     * @param cache     model-written cards by content hash ({@link CardCache#NONE} for none)
     */
    public OpenAiSummarizer(SummarizerConfig config, List<AudienceConfig> audiences, Summarizer fallback, CardCache cache,
                            Clock clock) {
        this(config, audiences, fallback, cache, clock, null, RequestRateLimiter.Sleeper.THREAD);
    }

    /** Cards in each article's language, without operator instructions. */
    public OpenAiSummarizer(OpenAiConfig config, List<AudienceConfig> audiences, Summarizer fallback, CardCache cache, Clock clock) {
        this(new SummarizerConfig("openai", config), audiences, fallback, cache, clock);
    }

    /** For tests: a given HTTP client (null: an own one, closed by {@link #close()}) and sleeper for the rate limiter. */
    OpenAiSummarizer(SummarizerConfig summarizerConfig, List<AudienceConfig> audiences, Summarizer fallback, CardCache cache,
                     Clock clock, HttpClient http, RequestRateLimiter.Sleeper sleeper) {
        OpenAiConfig config = summarizerConfig.openai();
        ObjectMapper json = new ObjectMapper();
        this.label = "openai:" + config.model();
        this.model = config.model();
        this.timeout = config.timeout();
        this.fallback = fallback;
        this.cache = cache;
        this.clock = clock;
        this.prompt = new CardPrompt(json, config.model(), config.temperature(), config.maxInputChars(), audiences,
                summarizerConfig.language(), summarizerConfig.instructions());
        this.failures = new FailureLog(LOG, config.model(), config.apiKey());
        this.parser = new CardResponseParser(json, audiences, failures::dropped);
        if (http == null) {
            this.ownExecutor = Executors.newCachedThreadPool(DaemonThreads.numbered("openai-http-"));
            http = HttpClient.newBuilder()
                    .executor(ownExecutor)
                    .connectTimeout(config.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } else {
            this.ownExecutor = null;
        }
        this.fetcher = new ChatCompletionFetcher(http, json, config.baseUrl(), config.apiKey(), config.timeout(), clock);
        this.inFlight = new Semaphore(Math.max(1, config.maxConcurrent()), true);
        this.rateLimiter = new RequestRateLimiter(config.requestsPerMinute(), clock, sleeper);
    }

    /** {@code openai:<model>}: the label on cards this summarizer wrote. */
    public String label() {
        return label;
    }

    @Override
    public Card summarize(Article article) {
        return summarize(List.of(article));
    }

    /** Reports every card's outcome to {@code events} from now on (metrics). */
    public void reportTo(ModelEvents events) {
        this.events = events;
    }

    /**
     * The card of a story told by {@code sources} (earliest first), numbered {@code [1]} … in that
     * order; citations in the answer are checked against them. The fallback card is the first
     * source's extractive card. Today every card has one source; story cards (SPEC §5.5) will pass several.
     *
     * @throws IllegalArgumentException when {@code sources} is empty
     */
    public Card summarize(List<Article> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a card needs at least one source");
        }
        Article article = sources.get(0);
        CardPrompt.Input input = prompt.input(PromptSource.of(sources));
        Optional<Card> cached = cache.find(input.contentHash(), label);
        if (cached.isPresent()) {
            events.cached();
            return cached.get();
        }
        String cause;
        try {
            Card card = callModel(article, input);
            failures.success();
            remember(input, card);
            events.answered();
            return card;
        } catch (ModelCallException e) {
            failures.failure(e);
            cause = e.cause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause = "interrupted";
        } catch (RuntimeException e) {
            failures.failure(new ModelCallException("unexpected", e.getClass().getSimpleName() + " while asking the model; please report it"));
            cause = "unexpected";
        }
        events.fellBack(cause);
        return fallback.summarize(article);
    }

    /** Caches {@code card}; a cache that fails costs a later call, never this card. */
    private void remember(CardPrompt.Input input, Card card) {
        try {
            cache.put(input.contentHash(), label, card);
        } catch (RuntimeException e) {
            LOG.warn("summarizer=openai model={} the card cache refused a card ({}); it is posted but not cached",
                    model, failures.scrub(String.valueOf(e.getMessage())));
        }
    }

    private Card callModel(Article article, CardPrompt.Input input) throws ModelCallException, InterruptedException {
        Instant blocked = blockedUntil.get();
        if (clock.instant().isBefore(blocked)) {
            throw new ModelCallException(blockedBecause.startsWith("the server asked") ? "rate-limited" : "cooling-down",
                    blockedBecause + " until " + blocked + "; not calling it before then");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!inFlight.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new ModelCallException("busy", "all summarizer.openai.maxConcurrent requests still running after " + timeout);
        }
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                if (!rateLimiter.acquire(remaining(deadline))) {
                    throw new ModelCallException("rate-limit-wait", "summarizer.openai.requestsPerMinute reached; next slot beyond the timeout");
                }
                ResponseFormat mode = format.get();
                String content;
                try {
                    content = fetcher.complete(prompt.requestBody(input, mode), remaining(deadline));
                } catch (ModelCallException e) {
                    if (e.status() == 429) {
                        Duration wait = e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(DEFAULT_BACKOFF_SECONDS);
                        blockedBecause = "the server asked to wait (429)";
                        blockedUntil.set(clock.instant().plus(wait));
                    } else if (e.cause().equals("timeout") || e.cause().equals("connection")) {
                        blockedBecause = "the model server did not answer (" + e.cause() + ")";
                        blockedUntil.set(clock.instant().plus(OUTAGE_COOLDOWN));
                    } else if (refusesFormat(e, mode)) {
                        ResponseFormat weaker = mode.weaker();
                        if (format.compareAndSet(mode, weaker)) {
                            LOG.info("summarizer=openai model={} the server refuses response_format {} (HTTP {}); using {} from now on",
                                    model, mode.name().toLowerCase(Locale.ROOT), e.status(), weaker.name().toLowerCase(Locale.ROOT));
                        }
                        continue;
                    }
                    throw e;
                }
                confirmedFormats.accumulateAndGet(1 << mode.ordinal(), (a, b) -> a | b);
                return parser.parse(failures.scrub(content), input.sources(), () -> fallback.summarize(article).whoShouldCare(), label)
                        .orElseThrow(() -> new ModelCallException("invalid-output",
                                "the model's answer has no JSON card with a tldr; try another model or a lower temperature"));
            }
            throw new ModelCallException("format-refused", "the server refused every response format");
        } finally {
            inFlight.release();
        }
    }

    /**
     * A 400/422 that is about the response format: it names it, or it is a 400 for a format that
     * never worked on this server (many servers say only "bad request").
     */
    private boolean refusesFormat(ModelCallException e, ResponseFormat mode) {
        if (mode == ResponseFormat.PLAIN || (e.status() != 400 && e.status() != 422)) {
            return false;
        }
        String body = e.body() == null ? "" : e.body().toLowerCase(Locale.ROOT);
        boolean mentions = body.contains("response_format") || body.contains("json_schema") || body.contains("json_object")
                || body.contains("response format") || body.contains("schema");
        boolean neverWorked = (confirmedFormats.get() & (1 << mode.ordinal())) == 0;
        return mentions || (e.status() == 400 && neverWorked);
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** The response format currently used with this server (for tests and diagnostics). */
    String currentFormat() {
        return format.get().name();
    }

    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }
}
