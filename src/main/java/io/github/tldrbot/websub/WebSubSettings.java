package io.github.tldrbot.websub;

import io.github.tldrbot.config.BotConfig;
import java.time.Duration;

/**
 * The WebSub subscriber's settings. Only {@code server.publicUrl} is configurable (SPEC §3); the rest
 * are fixed here, and tests shorten them.
 *
 * @param publicUrl      the public base URL; callbacks are {@code <publicUrl>/websub/<callback id>}
 * @param requestedLease {@code hub.lease_seconds} asked for (hubs may grant another)
 * @param verifyTimeout  how long a request waits for the hub's verification before it counts as failed
 * @param retryAfter     first wait after a failed request; doubles per failure in a row up to {@code maxRetryAfter}
 * @param deniedRetry    wait before asking a hub that denied us again
 * @param checkEvery     how often due subscriptions (renewals, retries, unsubscribes) are looked for
 * @param pushClaimWait  how long pushed content waits for a running poll of its feed to finish; then it is dropped (the poll covers it)
 * @param maxBodySize    pushed bodies above this are refused, like fetched ones ({@code fetch.maxBodySize})
 */
public record WebSubSettings(String publicUrl, Duration requestedLease, Duration verifyTimeout, Duration retryAfter,
                             Duration maxRetryAfter, Duration deniedRetry, Duration checkEvery, Duration pushClaimWait,
                             long maxBodySize, Duration requestTimeout, String userAgent, boolean allowPrivateNetworks) {

    /** The defaults for a configuration whose {@code server.publicUrl} is set. */
    public static WebSubSettings of(BotConfig config) {
        return new WebSubSettings(config.server().publicUrl(), Duration.ofDays(10), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofHours(24), Duration.ofSeconds(30),
                Duration.ofMinutes(2), config.fetch().maxBodySize(), config.fetch().timeout(), config.fetch().userAgent(),
                config.fetch().allowPrivateNetworks());
    }

    /** The callback URL of one subscription. */
    public String callbackUrl(String callbackId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + WebSubCallback.PATH + callbackId;
    }

    public WebSubSettings withTimings(Duration requestedLease, Duration verifyTimeout, Duration retryAfter, Duration checkEvery) {
        return new WebSubSettings(publicUrl, requestedLease, verifyTimeout, retryAfter, maxRetryAfter, deniedRetry, checkEvery,
                pushClaimWait, maxBodySize, requestTimeout, userAgent, allowPrivateNetworks);
    }
}
