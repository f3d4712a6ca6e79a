package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class RoleMentionsTest {

    private final RoleMentions mentions = new RoleMentions();

    @Test
    void contentMentionsEachRoleOnceInOrder() {
        assertThat(mentions.content(List.of(111L, 222L, 111L))).isEqualTo("<@&111> <@&222>");
        assertThat(mentions.content(List.of())).isEmpty();
        assertThat(mentions.content(null)).isEmpty();
        assertThat(mentions.content(Arrays.asList(0L, -5L, null))).isEmpty();
    }

    @Test
    void manyRolesAreCappedToDiscordsLimits() {
        List<Long> many = LongStream.range(0, 300).map(i -> 1_000_000_000_000_000_000L + i).boxed().toList();
        List<Long> kept = mentions.mentioned(many);
        String content = mentions.content(many);

        assertThat(kept).hasSizeLessThanOrEqualTo(RoleMentions.MAX_ROLES).isEqualTo(many.subList(0, kept.size()));
        assertThat(content.length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
        assertThat(content.split(" ")).hasSize(kept.size());
        MessageCreateData data = mentions.apply(new MessageCreateBuilder().setContent("x"), many).build();
        assertThat(data.getMentionedRoles()).hasSize(kept.size());
    }

    @Test
    void builtMessageHasEmbedContentAndPingsOnlyTheGivenRoles() {
        CardEmbeds embeds = new CardEmbeds(List.of(new AudienceConfig("ops", "Ops", null, 0x123456, Map.of())));
        OutgoingMessage message = new OutgoingMessage(7L, "n-1", "Feed", "https://example.org/",
                new Article("id", null, "@everyone look <@1234>", "https://example.org/a", null, null, null, null,
                        null, null, null),
                new Card("@here news", null, null, null, List.of(), List.of(), "extractive"),
                List.of(555L, 777L), Instant.parse("2026-11-28T10:00:00Z"));

        MessageCreateData data = embeds.build(message);

        assertThat(data.getContent()).isEqualTo("<@&555> <@&777>");
        assertThat(data.getEmbeds()).hasSize(1);
        EmbedAssertions.assertSendable(data.getEmbeds().get(0));
        assertThat(data.getAllowedMentions()).isEmpty();
        assertThat(data.getMentionedRoles()).containsExactlyInAnyOrder("555", "777");
        assertThat(data.getMentionedUsers()).isEmpty();
        assertThat(data.isMentionRepliedUser()).isFalse();

        DataObject allowed = data.toData().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).as("no parse: no @everyone/@here/users/all roles").isZero();
        List<String> roles = new ArrayList<>();
        allowed.getArray("roles").forEach(r -> roles.add(String.valueOf(r)));
        assertThat(roles).containsExactlyInAnyOrder("555", "777");
        assertThat(allowed.getBoolean("replied_user")).isFalse();
        assertThat(allowed.hasKey("users")).isFalse();
    }

    @Test
    void withoutRolesNothingCanPing() {
        CardEmbeds embeds = new CardEmbeds(List.of());
        OutgoingMessage message = new OutgoingMessage(7L, "n-2", null, null, null,
                new Card("@everyone", null, null, null, List.of(), List.of(), "extractive"), List.of(), null);

        MessageCreateData data = embeds.build(message);

        assertThat(data.getContent()).isEmpty();
        DataObject allowed = data.toData().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.hasKey("roles")).isFalse();
        assertThat(data.getMentionedRoles()).isEmpty();
    }
}
