package io.github.tldrbot.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature: method=hex} check of WebSub §8: an HMAC of the raw body with the
 * subscription's secret, by any of the four methods the recommendation names, compared in constant
 * time so a forger learns nothing from how long a refusal takes.
 */
final class HubSignature {
    private static final Map<String, String> METHODS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private HubSignature() {
    }

    /** Whether {@code header} (null when absent) is a valid signature of {@code body} with {@code secret}. */
    static boolean valid(String header, byte[] body, String secret) {
        if (header == null) {
            return false;
        }
        int eq = header.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        String algorithm = METHODS.get(header.substring(0, eq).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(algorithm, body, secret), given);
    }

    /** {@code method=hex} for {@code body}: what a hub sends (used by the tests' hub too). */
    static String sign(String method, byte[] body, String secret) {
        return method + "=" + HexFormat.of().formatHex(hmac(METHODS.get(method), body, secret));
    }

    private static byte[] hmac(String algorithm, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
        }
    }
}
