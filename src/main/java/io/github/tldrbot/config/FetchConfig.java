package io.github.tldrbot.config;

import java.time.Duration;

/** {@code fetch.*}: how feeds are downloaded (SPEC §4.1). {@code maxBodySize} is in bytes, after decompression. */
public record FetchConfig(
        String userAgent,
        Duration timeout,
        long maxBodySize,
        int maxRedirects,
        int maxConcurrent,
        int perHostConcurrent,
        boolean allowPrivateNetworks) {
}
