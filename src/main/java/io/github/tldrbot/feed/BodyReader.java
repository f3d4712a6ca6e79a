package io.github.tldrbot.feed;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Turns a raw response body into decoded bytes under the size cap. The JDK client neither
 * decompresses nor limits sizes, so this class does both, and applies the cap to the DECODED bytes:
 * a gzip bomb stops after at most {@code maxBytes} plus one buffer has been inflated, never after
 * inflating everything. Supports {@code gzip}/{@code x-gzip} and {@code deflate} (zlib-wrapped, or
 * raw as some servers send it); any other coding is {@link FetchError#BAD_ENCODING}.
 *
 * <p>Two ways to meet the cap: a feed over it is an error ({@link FetchError#TOO_LARGE}), because a
 * cut XML document is no feed; an article page is <em>cut</em> at it (reading stops, the first
 * {@code maxBytes} are returned), because HTML parses leniently and the article's text comes long
 * before the scripts, comment threads and footers that make a page large.
 */
final class BodyReader {

    private static final int BUFFER = 8192;
    private static final int MAX_INITIAL_CAPACITY = 256 * 1024;

    private final long maxBytes;
    private final boolean cutAtCap;

    /** A reader for which a body over the cap is {@link FetchError#TOO_LARGE}. */
    BodyReader(long maxBytes) {
        this(maxBytes, false);
    }

    /** @param cutAtCap true: a body over the cap is cut to its first {@code maxBytes} instead of refused */
    BodyReader(long maxBytes, boolean cutAtCap) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBodySize must be positive, got " + maxBytes);
        }
        // A Java array cannot hold more; a cap above this is effectively "no cap but the array limit".
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
        this.cutAtCap = cutAtCap;
    }

    /**
     * @param raw             the body as received; not closed here (the caller owns it)
     * @param contentEncoding values of the Content-Encoding header(s), in the order sent
     * @param contentLength   the Content-Length header, if any (checked early when nothing is encoded)
     * @throws FetchFailure   TOO_LARGE or BAD_ENCODING
     * @throws IOException    when reading the network stream itself failed
     */
    byte[] read(InputStream raw, List<String> contentEncoding, OptionalLong contentLength, URI url)
            throws FetchFailure, IOException {
        List<String> codings = codings(contentEncoding, url);
        if (!cutAtCap && codings.isEmpty() && contentLength.isPresent() && contentLength.getAsLong() > maxBytes) {
            throw tooLarge(url);
        }
        SourceStream source = new SourceStream(raw);
        PushbackInputStream probe = new PushbackInputStream(source, 1);
        int first = probe.read();
        if (first == -1) {
            return new byte[0];
        }
        probe.unread(first);
        List<Inflater> inflaters = new ArrayList<>();
        InputStream in = probe;
        try {
            for (int i = codings.size() - 1; i >= 0; i--) {
                in = decoder(codings.get(i), in, inflaters);
            }
            int initial = (int) Math.min(MAX_INITIAL_CAPACITY,
                    codings.isEmpty() ? contentLength.orElse(BUFFER) : BUFFER);
            return readCapped(in, Math.max(initial, 0), url);
        } catch (IOException e) {
            if (source.failure != null || codings.isEmpty()) {
                throw e;
            }
            // The network delivered its bytes fine, so the compressed data itself is broken or cut off.
            throw new FetchFailure(FetchError.BAD_ENCODING, "cannot decode the " + String.join(", ", codings)
                    + " body of " + url + ": " + FetchMessages.clean(e) + "; the server sends a broken response");
        } finally {
            // Free native inflater memory now, even for an abandoned bomb, not at some later GC.
            closeQuietly(in);
            inflaters.forEach(Inflater::end);
        }
    }

    private byte[] readCapped(InputStream in, int initialCapacity, URI url) throws IOException, FetchFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream(initialCapacity);
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (cutAtCap && total + n >= maxBytes) {
                // Stop here: the caller closes the stream, which drops the connection mid-body.
                out.write(buffer, 0, (int) (maxBytes - total));
                break;
            }
            total += n;
            if (total > maxBytes) {
                throw tooLarge(url);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static InputStream decoder(String coding, InputStream in, List<Inflater> inflaters) throws IOException {
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
            // GZIPInputStream ends its own Inflater on close and also reads concatenated members.
            return new GZIPInputStream(in, BUFFER);
        }
        // deflate: RFC 9110 says zlib-wrapped, but some servers send raw deflate; the zlib header tells.
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        byte[] head = peek.readNBytes(2);
        peek.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8 && (head[0] & 0xf0) <= 0x70
                && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        inflaters.add(inflater);
        return new InflaterInputStream(peek, inflater, BUFFER);
    }

    private static List<String> codings(List<String> headerValues, URI url) throws FetchFailure {
        List<String> codings = new ArrayList<>();
        for (String value : headerValues) {
            for (String token : value.split(",")) {
                String coding = token.trim().toLowerCase(Locale.ROOT);
                if (coding.isEmpty() || coding.equals("identity")) {
                    continue;
                }
                if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
                    throw new FetchFailure(FetchError.BAD_ENCODING, url + " was sent with Content-Encoding '"
                            + token.trim() + "', which cannot be decoded (only gzip and deflate are supported)");
                }
                codings.add(coding);
            }
        }
        return codings;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Only releasing resources here; the outcome is already decided.
        }
    }

    private FetchFailure tooLarge(URI url) {
        return new FetchFailure(FetchError.TOO_LARGE, "body of " + url + " is larger than "
                + FetchMessages.size(maxBytes) + " after decompression (fetch.maxBodySize)");
    }

    /** Remembers whether the network stream itself failed, to tell transport errors from bad data. */
    private static final class SourceStream extends FilterInputStream {
        IOException failure;

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
