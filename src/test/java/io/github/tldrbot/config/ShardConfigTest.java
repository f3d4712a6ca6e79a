package io.github.tldrbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code discord.shards} (SPEC §3, §13): defaults, validation naming the key, and the shard arithmetic. */
class ShardConfigTest {
    private final ConfigLoader loader = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get), List.of(),
            new BuildInfo("1.2.3", "https://example.org/bot"));

    private ShardSet shards(String yaml) {
        return loader.parse(yaml, "test").discord().shards();
    }

    @Test
    void defaultIsOneShardRunHere() {
        assertThat(shards("")).isEqualTo(new ShardSet(1, List.of(0)));
        assertThat(shards("discord: {shards: {}}")).isEqualTo(ShardSet.single());
    }

    @Test
    void idsAreReadAndATotalWithoutIdsRunsEveryShard() {
        assertThat(shards("discord: {shards: {total: 4, ids: [3, 1]}}")).isEqualTo(new ShardSet(4, List.of(1, 3)));
        assertThat(shards("discord: {shards: {total: 3}}").ids()).containsExactly(0, 1, 2);
        assertThat(shards("discord: {shards: {total: 2, ids: 1}}").ids()).containsExactly(1);
        assertThat(shards("discord: {shards: {total: '${N:-2}', ids: [0]}}").total()).isEqualTo(2);
    }

    @Test
    void noIdsIsAPollOnlyProcessThatOwnsNoGuild() {
        ShardSet none = shards("discord: {shards: {total: 2, ids: []}}");
        assertThat(none.ids()).isEmpty();
        assertThat(none.owns(2L << 22)).isFalse();
        assertThat(none.owns(3L << 22)).isFalse();
        assertThat(none.ownsAll()).isFalse();
        assertThat(none.describe()).isEqualTo("none of 2");
    }

    @Test
    void badShardsAreErrorsNamingTheKey() {
        expectError("discord: {shards: {total: 0}}", "discord.shards.total: 0 must be at least 1");
        expectError("discord: {shards: {total: many}}", "discord.shards.total", "whole number");
        expectError("discord: {shards: {total: 2, ids: [3]}}", "discord.shards.ids: 3 is not below total 2");
        expectError("discord: {shards: {total: 2, ids: [2]}}", "discord.shards.ids: 2 is not below total 2");
        expectError("discord: {shards: {total: 2, ids: [-1]}}", "discord.shards.ids: -1 is negative");
        expectError("discord: {shards: {total: 4, ids: [1, 2, 1]}}", "discord.shards.ids: 1 is listed twice");
        expectError("discord: {shards: {total: 2, ids: [one]}}", "discord.shards.ids", "whole number");
        expectError("discord: {shards: {totl: 2}}", "discord.shards.totl", "unknown key");
        expectError("discord: {shards: 2}", "discord.shards", "mapping");
    }

    @Test
    void checkConfigPrintsTheShards() {
        String yaml = new EffectiveConfigRenderer().render(loader.parse("discord: {shards: {total: 4, ids: [2, 0]}}", "test"));
        assertThat(yaml).contains("shards:", "total: 4", "ids:\n    - 0\n    - 2");
    }

    @Test
    void aGuildBelongsToTheShardOfItsIdShiftedBy22ModuloTotal() {
        ShardSet zeroOfTwo = new ShardSet(2, List.of(0));
        long onShard0 = 2L << 22 | 12345;
        long onShard1 = 3L << 22 | 12345;
        assertThat(zeroOfTwo.shardOf(onShard0)).isZero();
        assertThat(zeroOfTwo.shardOf(onShard1)).isEqualTo(1);
        assertThat(zeroOfTwo.owns(onShard0)).isTrue();
        assertThat(zeroOfTwo.owns(onShard1)).isFalse();
        assertThat(zeroOfTwo.ownsAll()).isFalse();
        long guild = 197038439483310086L; // a real-sized snowflake: (id >> 22) % 4 == 2, worked out by hand
        assertThat(new ShardSet(4, List.of(0)).shardOf(guild)).isEqualTo(2);
        assertThat(ShardSet.single().owns(guild)).isTrue();
        assertThat(ShardSet.all(3).ownsAll()).isTrue();
    }

    private void expectError(String yaml, String... fragments) {
        assertThatThrownBy(() -> loader.parse(yaml, "test"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }
}
