package io.github.tldrbot.testing.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in's SPEC §6.5 routes answer as Discord does, errors included (raw HTTP, no JDA). */
class TargetRoutesTest {
    private static final String TOKEN = "secret-token";
    private static final long GUILD = 100;
    private static final long TEXT = 101;
    private static final long FORUM = 102;
    private static final long NO_HOOKS = 103;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeDiscord discord;

    @BeforeEach
    void start() {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).botPermissions(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MANAGE_WEBHOOKS,
                                Permission.CREATE_PUBLIC_THREADS)
                        .textChannel(TEXT, "news")
                        .forumChannel(FORUM, "stories", List.of(new ChannelSpec.Tag(901, "security")))
                        .textChannel(NO_HOOKS, "no-hooks", BotOverwrite.deny(Permission.MANAGE_WEBHOOKS)))
                .build().start();
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String json, boolean auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discord.apiBaseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (auth) {
            request.header("Authorization", "Bot " + TOKEN);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : mapper.readTree(response.body()));
    }

    @Test
    void forumPostsCheckTitleAndTagsAndAForumTakesNoPlainMessage() throws Exception {
        String card = "{\"embeds\": [{\"title\": \"T\"}]}";
        assertThat(call("POST", "channels/" + FORUM + "/messages", card, true).body().path("code").asInt()).isEqualTo(50024);
        assertThat(call("POST", "channels/" + FORUM + "/threads", "{\"name\": \"" + "x".repeat(101) + "\", \"message\": " + card + "}",
                true).status()).isEqualTo(400);
        assertThat(call("POST", "channels/" + FORUM + "/threads", "{\"name\": \"T\", \"applied_tags\": [\"999\"], \"message\": " + card + "}",
                true).status()).isEqualTo(400);
        Answer post = call("POST", "channels/" + FORUM + "/threads", "{\"name\": \"T\", \"applied_tags\": [\"901\"], \"message\": " + card + "}",
                true);
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.body().path("message").path("id").asText()).isEqualTo(post.body().path("id").asText());
        assertThat(discord.threadTags(post.body().path("id").asLong())).containsExactly("901");
        assertThat(discord.unroutedRequests()).isEmpty();
    }

    @Test
    void channelWebhooksNeedManageWebhooksAndLiveBesideInteractionTokens() throws Exception {
        assertThat(call("POST", "channels/" + NO_HOOKS + "/webhooks", "{\"name\": \"tldr-bot\"}", true).body().path("code").asInt())
                .isEqualTo(50013);
        Answer made = call("POST", "channels/" + TEXT + "/webhooks", "{\"name\": \"tldr-bot\"}", true);
        String id = made.body().path("id").asText();
        String token = made.body().path("token").asText();
        assertThat(call("GET", "channels/" + TEXT + "/webhooks", null, true).body()).hasSize(1);

        assertThat(call("POST", "webhooks/" + id + "/wrong-token?wait=true", "{\"content\": \"hi\"}", false).status()).isEqualTo(401);
        Answer posted = call("POST", "webhooks/" + id + "/" + token + "?wait=true", "{\"content\": \"hi\", \"username\": \"Radar\"}", false);
        assertThat(posted.body().path("author").path("username").asText()).isEqualTo("Radar");
        assertThat(posted.body().path("webhook_id").asText()).isEqualTo(id);
        assertThat(call("POST", "webhooks/" + id + "/" + token, "{\"content\": \"no wait\"}", false).status()).isEqualTo(204);
        assertThat(discord.messages(TEXT)).hasSize(2);

        // an interaction follow-up on the application's id still goes to the interaction route
        long app = discord.applicationId();
        assertThat(call("POST", "webhooks/" + app + "/interaction-token-" + "x".repeat(60), "{\"content\": \"follow-up\"}", false)
                .status()).isEqualTo(200);
        assertThat(discord.webhookMessages("interaction-token-" + "x".repeat(60))).hasSize(1);

        discord.deleteWebhook(Long.parseLong(id));
        assertThat(call("POST", "webhooks/" + id + "/" + token + "?wait=true", "{\"content\": \"hi\"}", false).body().path("code").asInt())
                .isEqualTo(10015);
    }

    @Test
    void aMessageIsCrosspostedOnlyInAnnouncementChannelsAndGetsOneThread() throws Exception {
        String id = call("POST", "channels/" + TEXT + "/messages", "{\"content\": \"card\"}", true).body().path("id").asText();
        assertThat(call("POST", "channels/" + TEXT + "/messages/" + id + "/crosspost", null, true).status()).isEqualTo(400);
        assertThat(call("POST", "channels/" + TEXT + "/messages/" + id + "/threads", "{\"name\": \"card\"}", true).status()).isEqualTo(201);
        assertThat(call("POST", "channels/" + TEXT + "/messages/" + id + "/threads", "{\"name\": \"card\"}", true).body().path("code")
                .asInt()).isEqualTo(160004);
        assertThat(discord.threadsOf(TEXT)).containsExactly(Long.parseLong(id));
    }
}
