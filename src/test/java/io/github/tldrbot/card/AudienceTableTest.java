package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The default audiences' table file: blocks of key-value lines, continuations, and no silent typos. */
class AudienceTableTest {

    @Test
    void readsBlocksAndJoinsContinuationLines() {
        List<AudienceTable.Row> rows = AudienceTable.parse("""
                # a comment
                audience dev
                label Developers
                description People who build.
                colour 3498DB
                en api:2, sdk:2.5,
                    cli:2
                                
                audience ops
                label Operators
                description People who run.
                colour 00FF00
                de betrieb:1
                """, List.of("en", "de"));
        assertThat(rows).containsExactly(
                new AudienceTable.Row("dev", "Developers", "People who build.", 0x3498DB, List.of("api:2, sdk:2.5, cli:2", "")),
                new AudienceTable.Row("ops", "Operators", "People who run.", 0x00FF00, List.of("", "betrieb:1")));
    }

    @Test
    void anUnknownOrRepeatedKeyIsAnError() {
        assertThatThrownBy(() -> AudienceTable.parse("audience a\nlabel A\nlable B\n", List.of("en")))
                .hasMessageContaining("lable B");
        assertThatThrownBy(() -> AudienceTable.parse("audience a\nlabel A\nlabel B\n", List.of("en")))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> AudienceTable.parse("audience a\nlabel A\n", List.of("en")))
                .hasMessageContaining("has no description");
    }
}
