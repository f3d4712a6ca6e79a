package io.github.tldrbot.config;

import java.time.Duration;

/** {@code retention.*}: articles older than {@code articles} (by first seen) are pruned. */
public record RetentionConfig(Duration articles) {
}
