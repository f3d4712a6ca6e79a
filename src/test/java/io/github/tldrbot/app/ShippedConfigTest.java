package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example config that ships is valid and stays in step with the built-in defaults. */
class ShippedConfigTest {
    private final BotConfig shipped = new ConfigLoader(DefaultAudiences.list()).load(Path.of("config", "tldr-bot.yaml"));
    private final BotConfig defaults = new ConfigLoader(DefaultAudiences.list()).parse("", "defaults");

    @Test
    void listsTheBuiltInAudiencesExactly() {
        assertThat(shipped.audiences()).isEqualTo(DefaultAudiences.list());
    }

    @Test
    void itsSettingsAreTheDocumentedDefaults() {
        assertThat(shipped.fetch()).isEqualTo(defaults.fetch());
        assertThat(shipped.polling()).isEqualTo(defaults.polling());
        assertThat(shipped.storage()).isEqualTo(defaults.storage());
        assertThat(shipped.limits()).isEqualTo(defaults.limits());
        assertThat(shipped.retention()).isEqualTo(defaults.retention());
    }

    @Test
    void shipsAHandfulOfHttpsFeeds() {
        assertThat(shipped.feeds()).hasSizeBetween(5, 12);
        assertThat(shipped.feeds()).allSatisfy(f -> assertThat(f.url()).startsWith("https://"));
    }
}
