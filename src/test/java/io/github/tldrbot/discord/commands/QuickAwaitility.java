package io.github.tldrbot.discord.commands;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(QuickAwaitility.class)}: the command tests' replies arrive in milliseconds, and
 * Awaitility's default 100 ms polling would dominate their run time; restored after the class.
 */
final class QuickAwaitility implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Awaitility.reset();
    }
}
