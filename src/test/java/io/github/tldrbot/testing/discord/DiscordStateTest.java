package io.github.tldrbot.testing.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stand-in's own rules without JDA: nonce de-duplication, history order, role mentions, limits. */
class DiscordStateTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final DiscordJson json = new DiscordJson(mapper, new DiscordJson.BotIdentity("t", 7, "bot", 7));

    private DiscordState state(Duration nonceWindow) {
        GuildSpec.Builder g = new GuildSpec.Builder().id(1).textChannel(2, "news");
        return new DiscordState(List.of(g.build()), json, new Snowflakes(), 7, nonceWindow);
    }

    private ObjectNode body(String content, String nonce, boolean enforce) {
        ObjectNode b = mapper.createObjectNode().put("content", content);
        if (nonce != null) {
            b.put("nonce", nonce).put("enforce_nonce", enforce);
        }
        return b;
    }

    @Test
    void enforcedNonceInsideWindowReturnsEarlierMessage() {
        DiscordState s = state(Duration.ofMinutes(5));
        ObjectNode first = s.createMessage(2, body("a", "n1", true)).message();
        DiscordState.Created again = s.createMessage(2, body("b", "n1", true));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().get("id")).isEqualTo(first.get("id"));
        assertThat(again.message().get("content").asText()).isEqualTo("a");
        assertThat(s.messages(2)).hasSize(1);
    }

    @Test
    void nonceIsNotEnforcedWithoutFlagOrAfterWindow() {
        DiscordState unflagged = state(Duration.ofMinutes(5));
        unflagged.createMessage(2, body("a", "n1", false));
        assertThat(unflagged.createMessage(2, body("a", "n1", false)).duplicate()).isFalse();
        assertThat(unflagged.messages(2)).hasSize(2);

        DiscordState expired = state(Duration.ZERO.minusMillis(1));
        expired.createMessage(2, body("a", "n1", true));
        assertThat(expired.createMessage(2, body("a", "n1", true)).duplicate()).isFalse();
        assertThat(expired.messages(2)).hasSize(2);
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        DiscordState s = state(Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) {
            s.createMessage(2, body("m" + i, null, false));
        }
        assertThat(s.history(2, 3)).extracting(n -> n.get("content").asText()).containsExactly("m3", "m2", "m1");
    }

    @Test
    void roleMentionsFollowAllowedMentions() {
        ObjectNode none = mapper.createObjectNode();
        assertThat(DiscordJson.mentionedRoles("<@&5> and <@&6>", none)).containsExactly("5", "6");

        ObjectNode parseRoles = mapper.createObjectNode();
        parseRoles.putObject("allowed_mentions").putArray("parse").add("roles");
        assertThat(DiscordJson.mentionedRoles("<@&5>", parseRoles)).containsExactly("5");

        ObjectNode onlySix = mapper.createObjectNode();
        ObjectNode allowed = onlySix.putObject("allowed_mentions");
        allowed.putArray("parse");
        allowed.putArray("roles").add("6");
        assertThat(DiscordJson.mentionedRoles("<@&5> <@&6>", onlySix)).containsExactly("6");
    }

    @Test
    void embedsGetTypeRichAndOverwritesRemoveBotPermissions() {
        ObjectNode b = body("", null, false);
        b.putArray("embeds").addObject().put("title", "T");
        ObjectNode m = state(Duration.ofMinutes(1)).createMessage(2, b).message();
        assertThat(m.at("/embeds/0/type").asText()).isEqualTo("rich");

        ChannelSpec locked = new ChannelSpec(3, "locked", 0,
                List.of(BotOverwrite.deny(net.dv8tion.jda.api.Permission.MESSAGE_SEND)));
        long perms = locked.botPermissions(GuildSpec.DEFAULT_BOT_PERMISSIONS);
        assertThat(perms & net.dv8tion.jda.api.Permission.MESSAGE_SEND.getRawValue()).isZero();
        assertThat(perms & net.dv8tion.jda.api.Permission.VIEW_CHANNEL.getRawValue()).isNotZero();
    }

    @Test
    void rateLimiterAllowsLimitPerWindowAndCountsRejections() {
        ChannelRateLimiter limiter = new ChannelRateLimiter(5, Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            ChannelRateLimiter.Decision d = limiter.acquire(2);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(4 - i);
        }
        ChannelRateLimiter.Decision sixth = limiter.acquire(2);
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.resetAfterMillis()).isBetween(0L, 5000L);
        assertThat(limiter.acquire(3).allowed()).isTrue();
        assertThat(limiter.rejections(2)).isEqualTo(1);
        assertThat(limiter.rejections(3)).isZero();
    }

    @Test
    void faultsFireOnceTimesOrPersistently() {
        FaultPlan plan = new FaultPlan();
        plan.add(2, Fault.missingAccess().times(2));
        plan.add(2, Fault.serverError(503));
        assertThat(plan.take(2)).get().extracting(Fault::code).isEqualTo(50001);
        assertThat(plan.take(2)).get().extracting(Fault::code).isEqualTo(50001);
        assertThat(plan.take(2)).get().extracting(Fault::status).isEqualTo(503);
        assertThat(plan.take(2)).isEmpty();

        plan.add(2, Fault.unknownChannel().persistent());
        for (int i = 0; i < 3; i++) {
            assertThat(plan.take(2)).get().extracting(Fault::code).isEqualTo(10003);
        }
        plan.clear(2);
        assertThat(plan.take(2)).isEmpty();
    }
}
