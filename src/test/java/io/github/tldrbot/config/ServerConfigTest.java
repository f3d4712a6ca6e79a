package io.github.tldrbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code server.*} (SPEC §3, §11): off by default, a port and a public URL validated with errors naming the key. */
class ServerConfigTest {
    private final ConfigLoader loader = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get), List.of(),
            new BuildInfo("1.2.3", "https://example.org/bot"));

    private ServerConfig server(String yaml) {
        return loader.parse(yaml, "test").server();
    }

    @Test
    void offByDefaultAndReadWhenSet() {
        assertThat(server("")).isEqualTo(ServerConfig.off());
        assertThat(server("").enabled()).isFalse();
        ServerConfig set = server("server: {port: 9464, publicUrl: 'https://bot.example.org'}");
        assertThat(set.port()).isEqualTo(9464);
        assertThat(set.enabled()).isTrue();
        assertThat(set.publicUrl()).isEqualTo("https://bot.example.org");
        assertThat(new EffectiveConfigRenderer().render(loader.parse("server: {port: 9464}", "test"))).contains("server:", "port: 9464");
    }

    @Test
    void badValuesAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> server("server: {port: 70000}")).hasMessageContaining("server.port: 70000 is not a port");
        assertThatThrownBy(() -> server("server: {port: http}")).hasMessageContaining("server.port: 'http' is not a whole number");
        assertThatThrownBy(() -> server("server: {publicUrl: 'bot.example.org'}"))
                .hasMessageContaining("server.publicUrl: 'bot.example.org' is not an absolute http(s) URL");
        assertThatThrownBy(() -> server("server: {prot: 1}")).hasMessageContaining("server.prot").hasMessageContaining("unknown key");
    }
}
