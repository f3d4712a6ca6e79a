package io.github.tldrbot.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads the main text of an article's web page: fetch it ({@link PageFetcher}: HTML only, same
 * rules as feeds), decode it (the charset of the Content-Type header, else the page's BOM or
 * {@code <meta charset>}, else UTF-8), extract its article text ({@link ArticleTextExtractor}).
 * Every outcome is a value; a failure is a {@link PageText.Missing} whose reason starts with a
 * stable key ({@code TIMEOUT:}, {@code HTTP_STATUS:}, {@code UNSUPPORTED_TYPE:}, {@code NO_TEXT:} …).
 * Thread-safe.
 */
public final class ArticlePageReader {

    private final PageFetcher fetcher;
    private final ArticleTextExtractor extractor;

    public ArticlePageReader(PageFetcher fetcher) {
        this(fetcher, new ArticleTextExtractor());
    }

    ArticlePageReader(PageFetcher fetcher, ArticleTextExtractor extractor) {
        this.fetcher = fetcher;
        this.extractor = extractor;
    }

    /** @param url the article's absolute http(s) link */
    public PageText read(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new PageText.Missing(FetchError.INVALID_URL + ": '" + url + "' is not a valid URL");
        }
        FetchResult result = fetcher.fetchPage(uri);
        if (!(result instanceof FetchResult.Ok ok)) {
            return new PageText.Missing(reason(result));
        }
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(ok.body()), charset(ok.contentType()), ok.finalUrl().toString());
        } catch (IOException e) {
            return new PageText.Missing("NO_TEXT: cannot read the page of " + ok.finalUrl() + ": " + e.getMessage());
        }
        Optional<PageText.Found> found = extractor.extract(page);
        if (found.isEmpty()) {
            return new PageText.Missing("NO_TEXT: " + ok.finalUrl() + " holds no article text");
        }
        return found.get();
    }

    private static String reason(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return failed.kind() + ": " + failed.message();
        }
        if (result instanceof FetchResult.Gone gone) {
            return "GONE: " + gone.message();
        }
        if (result instanceof FetchResult.Throttled throttled) {
            return "THROTTLED: " + throttled.message();
        }
        return "NOT_MODIFIED: the server answered 304 to an unconditional request";
    }

    /** The header's charset when Java knows it; null lets jsoup read the BOM or {@code <meta charset>}. */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").replace("'", "").strip();
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalCharsetNameException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
