package io.github.tldrbot.app;

import io.github.tldrbot.config.FetchConfig;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FetchError;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Gets the bytes of a {@code preview} SOURCE: an http(s) URL through the fetcher (same rules as the
 * bot: size cap, redirects, private addresses), or a local file read with the same size cap.
 * Failures become {@link CliException}s with exit code 3 (or 2 for a malformed SOURCE).
 */
final class SourceReader {

    /** The document and where it came from. {@code baseUrl} resolves relative links. */
    record Source(byte[] body, String contentType, String baseUrl) {
    }

    private final FetchConfig config;
    private final FeedFetcher fetcher;

    SourceReader(FetchConfig config, FeedFetcher fetcher) {
        this.config = config;
        this.fetcher = fetcher;
    }

    static boolean isUrl(String source) {
        return source.toLowerCase(Locale.ROOT).matches("[a-z][a-z0-9+.-]*://.*");
    }

    Source read(String source) {
        return isUrl(source) ? fetch(source) : file(source);
    }

    private Source fetch(String source) {
        if (!source.toLowerCase(Locale.ROOT).matches("https?://.*")) {
            throw new CliException(ExitCodes.USAGE, "'" + source + "' is neither an http(s) URL nor a local file; give a feed URL or a path");
        }
        URI uri;
        try {
            uri = new URI(source);
        } catch (URISyntaxException e) {
            throw new CliException(ExitCodes.USAGE, "'" + source + "' is not a valid URL: " + e.getReason());
        }
        FetchResult result = fetcher.fetch(uri, Validators.NONE);
        if (result instanceof FetchResult.Ok ok) {
            return new Source(ok.body(), ok.contentType(), ok.finalUrl().toString());
        }
        throw new CliException(exitCode(result), describe(result));
    }

    private static int exitCode(FetchResult result) {
        return result instanceof FetchResult.Failed f && f.kind() == FetchError.INVALID_URL ? ExitCodes.USAGE : ExitCodes.UNREACHABLE;
    }

    private static String describe(FetchResult result) {
        if (result instanceof FetchResult.Failed f) {
            return f.kind() == FetchError.PRIVATE_ADDRESS
                    ? f.message() + " (set fetch.allowPrivateNetworks: true in the config to allow it)"
                    : f.message();
        }
        if (result instanceof FetchResult.Gone g) {
            return g.message();
        }
        if (result instanceof FetchResult.Throttled t) {
            return t.message();
        }
        return "the server answered 304 Not Modified to an unconditional request";
    }

    private Source file(String source) {
        Path path = Path.of(source);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodySize() + 1));
            if (body.length > config.maxBodySize()) {
                throw new CliException(ExitCodes.UNREACHABLE, source + " is larger than fetch.maxBodySize ("
                        + config.maxBodySize() + " bytes); raise the limit in the config to read it");
            }
            return new Source(body, null, path.toAbsolutePath().toUri().toString());
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "no such file: " + source + " (give an http(s) URL or the path of a feed file)");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "cannot read " + source + ": " + e.getMessage());
        }
    }
}
