package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private static final URI URL = URI.create("https://feeds.example.org/rss");
    private static final byte[] TEXT = "<rss><channel><title>Hello</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

    private final BodyReader reader = new BodyReader(1024);

    private byte[] read(byte[] raw, String... encodings) throws Exception {
        return reader.read(new ByteArrayInputStream(raw), List.of(encodings), OptionalLong.empty(), URL);
    }

    @Test
    void identityAndEmptyBodies() throws Exception {
        assertThat(read(TEXT)).isEqualTo(TEXT);
        assertThat(read(TEXT, "identity")).isEqualTo(TEXT);
        assertThat(read(new byte[0], "gzip")).isEmpty();
    }

    @Test
    void concatenatedGzipMembersAreOneBody() throws Exception {
        byte[] twice = concat(gzip(TEXT), gzip(TEXT));

        assertThat(read(twice, "x-gzip")).isEqualTo(concat(TEXT, TEXT));
    }

    @Test
    void stackedCodingsAreUndoneInReverseOrder() throws Exception {
        byte[] deflatedThenGzipped = gzip(zlib(TEXT));

        assertThat(read(deflatedThenGzipped, "deflate, gzip")).isEqualTo(TEXT);
        assertThat(read(deflatedThenGzipped, "deflate", "GZIP")).isEqualTo(TEXT);
    }

    @Test
    void truncatedGzipIsBadEncoding() throws IOException {
        byte[] whole = gzip(TEXT);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> read(cut, "gzip")).isInstanceOfSatisfying(FetchFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(FetchError.BAD_ENCODING));
    }

    @Test
    void networkErrorsStayNetworkErrorsEvenInsideGzip() throws IOException {
        byte[] whole = gzip(TEXT);
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == 12) {
                    throw new IOException("connection reset");
                }
                return whole[served++] & 0xff;
            }
        };

        assertThatThrownBy(() -> reader.read(failing, List.of("gzip"), OptionalLong.empty(), URL))
                .isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    @Test
    void capCountsDecodedBytes() throws Exception {
        byte[] decoded = new byte[1025];
        byte[] compressed = gzip(decoded);
        assertThat(compressed.length).isLessThan(1024);

        assertThatThrownBy(() -> read(compressed, "gzip")).isInstanceOfSatisfying(FetchFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(FetchError.TOO_LARGE));
        assertThat(new BodyReader(1025).read(new ByteArrayInputStream(compressed), List.of("gzip"),
                OptionalLong.empty(), URL)).hasSize(1025);
    }

    @Test
    void cutModeReturnsTheFirstBytesUpToTheCapEvenFromABombOrAnAnnouncedLength() throws Exception {
        BodyReader cutting = new BodyReader(1024, true);
        byte[] page = new byte[64 * 1024];
        Arrays.fill(page, (byte) 'a');
        page[0] = '<';

        byte[] plain = cutting.read(new ByteArrayInputStream(page), List.of(), OptionalLong.of(page.length), URL);
        byte[] inflated = cutting.read(new ByteArrayInputStream(gzip(page)), List.of("gzip"), OptionalLong.empty(), URL);
        byte[] small = cutting.read(new ByteArrayInputStream(TEXT), List.of(), OptionalLong.of(TEXT.length), URL);

        assertThat(plain).hasSize(1024).isEqualTo(Arrays.copyOf(page, 1024));
        assertThat(inflated).isEqualTo(plain);
        assertThat(small).isEqualTo(TEXT);
    }

    @Test
    void unknownCodingIsNamed() {
        assertThatThrownBy(() -> read(TEXT, "gzip, compress")).isInstanceOfSatisfying(FetchFailure.class,
                failure -> {
                    assertThat(failure.kind()).isEqualTo(FetchError.BAD_ENCODING);
                    assertThat(failure.getMessage()).contains("'compress'");
                });
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
