package io.github.tldrbot.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code X-Hub-Signature} (WebSub §8): the four HMAC methods, and every way a signature can be wrong. */
class HubSignatureTest {
    private static final byte[] BODY = "<rss/>".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"sha1", "sha256", "sha384", "sha512"})
    void eachMethodOfTheRecommendationVerifies(String method) {
        String header = HubSignature.sign(method, BODY, "s3cret");
        assertThat(HubSignature.valid(header, BODY, "s3cret")).isTrue();
        assertThat(HubSignature.valid(header.toUpperCase(), BODY, "s3cret")).as("case of method and hex").isTrue();
        assertThat(HubSignature.valid(header, BODY, "other")).isFalse();
        assertThat(HubSignature.valid(header, "<rss></rss>".getBytes(StandardCharsets.UTF_8), "s3cret")).isFalse();
    }

    @Test
    void malformedOrMissingSignaturesFail() {
        String good = HubSignature.sign("sha256", BODY, "k");
        assertThat(HubSignature.valid(null, BODY, "k")).isFalse();
        assertThat(HubSignature.valid("", BODY, "k")).isFalse();
        assertThat(HubSignature.valid(good.substring("sha256=".length()), BODY, "k")).as("no method").isFalse();
        assertThat(HubSignature.valid("md5=" + good.substring(7), BODY, "k")).as("unknown method").isFalse();
        assertThat(HubSignature.valid("sha256=zz", BODY, "k")).as("not hex").isFalse();
        assertThat(HubSignature.valid("sha1=" + good.substring(7), BODY, "k")).as("wrong method for the digest").isFalse();
    }
}
