package io.github.tldrbot.feed;

import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Bytes to characters the way feeds need it: gunzips a body that is still gzip (local files,
 * servers that double-encode), then lets Rome's lenient {@link XmlReader} pick the encoding from
 * BOM, HTTP content type and XML declaration. Bytes that claim nothing and are not valid UTF-8 are
 * read as windows-1252, the superset of the Latin-1 such feeds nearly always are; bytes declared
 * Latin-1 that are valid multi-byte UTF-8 are read as UTF-8 (a wrong declaration, common with
 * CMS templates); C1 controls are mapped to the windows-1252 punctuation they stand for.
 * Immutable and thread-safe.
 */
final class FeedTextDecoder {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final int maxDecompressedBytes;

    FeedTextDecoder(int maxDecompressedBytes) {
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** The body's bytes with gzip layers removed (at most two, each capped). */
    byte[] unwrap(byte[] body) throws FeedParseException {
        byte[] bytes = body;
        for (int layer = 0; layer < 2 && isGzip(bytes); layer++) {
            bytes = gunzip(bytes);
        }
        return bytes;
    }

    /** Decoded text of the (already unwrapped) bytes. */
    String decode(byte[] bytes, String contentType) throws FeedParseException {
        String text;
        String encoding;
        try {
            XmlReader reader = openReader(bytes, contentType);
            encoding = reader.getEncoding();
            text = "UTF-8".equalsIgnoreCase(encoding) ? utf8(bytes, reader) : readAll(reader);
        } catch (IOException e) {
            throw new FeedParseException("the feed's character encoding cannot be read: " + oneLine(e.getMessage()), e);
        }
        if (!declaresEncoding(bytes, contentType) && !isValidUtf8(bytes)) {
            return new String(bytes, WINDOWS_1252);
        }
        if (encoding != null && encoding.equalsIgnoreCase("GB2312")) {
            // as browsers do: the gb2312 label means GBK, which feeds labelled GB2312 really use
            return new String(stripUtf8Bom(bytes), Charset.forName("GBK"));
        }
        if (isSingleByteLatin(encoding) && hasNonAscii(bytes) && isValidUtf8(bytes)) {
            // valid multi-byte UTF-8 is practically never real Latin-1 text: the declaration is wrong
            return demoronize(new String(bytes, StandardCharsets.UTF_8));
        }
        return demoronize(text);
    }

    private static boolean isSingleByteLatin(String encoding) {
        if (encoding == null) {
            return false;
        }
        String e = encoding.toLowerCase(Locale.ROOT).replace("_", "-");
        return e.equals("iso-8859-1") || e.equals("latin1") || e.equals("us-ascii") || e.equals("windows-1252")
                || e.equals("cp1252");
    }

    private static byte[] stripUtf8Bom(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static XmlReader openReader(byte[] bytes, String contentType) throws IOException {
        try {
            return new XmlReader(new ByteArrayInputStream(bytes), contentType, true);
        } catch (IOException | RuntimeException e) {
            // a content type Rome rejects even in lenient mode (e.g. an odd charset name): ignore it
            return new XmlReader(new ByteArrayInputStream(bytes), true);
        }
    }

    /**
     * What the reader would return for UTF-8 (BOM dropped, malformed bytes as U+FFFD), decoded in one
     * step instead of through 8 KB reads and a StringBuilder.
     */
    private static String utf8(byte[] bytes, Reader reader) throws IOException {
        reader.close();
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int from = bom ? 3 : 0;
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    private static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = reader.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    private static boolean declaresEncoding(byte[] bytes, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=")) {
            return true;
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF))) {
            return true;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
        return DECLARED_ENCODING.matcher(head).find();
    }

    /**
     * C1 control characters (U+0080–U+009F) in feed text are nearly always windows-1252 punctuation
     * mislabelled as ISO-8859-1 (curly quotes, dashes, euro sign): map them to what was meant.
     */
    static String demoronize(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                out.append(mapped.charAt(0) == '\ufffd' ? "" : mapped);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
    }

    private byte[] gunzip(byte[] bytes) throws FeedParseException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxDecompressedBytes) {
                    throw new FeedParseException("the gzip-compressed feed expands beyond "
                            + maxDecompressedBytes / (1024 * 1024) + " MB; refusing it");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedParseException("the feed is gzip-compressed but damaged: " + oneLine(e.getMessage()), e);
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
