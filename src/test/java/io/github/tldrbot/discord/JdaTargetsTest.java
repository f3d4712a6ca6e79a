package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.DiscordConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.delivery.SendResult;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.store.ChannelWebhook;
import io.github.tldrbot.store.ChannelWebhookStore;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.store.TestDatabase;
import io.github.tldrbot.testing.discord.BotOverwrite;
import io.github.tldrbot.testing.discord.ChannelSpec;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §6.5 targets with the real JDA against the Discord stand-in: each kind posts the right thing once. */
class JdaTargetsTest {
    static final long GUILD = 100;
    static final long TEXT = 101;
    static final long NEWS = 102;
    static final long FORUM = 103;
    static final long NO_HOOKS = 104;
    static final long TAG_DEV = 901;
    static final long TAG_SEC = 902;
    static final long TAG_OTHER = 903;

    private final ObjectMapper mapper = new ObjectMapper();
    private FakeDiscord discord;
    private DiscordConnection connection;
    private TestDatabase store;
    private ChannelWebhookStore webhooks;
    private JdaPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.builder().token("MTAx.targets.abc").botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News")
                        .botPermissions(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS,
                                Permission.MESSAGE_HISTORY, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS,
                                Permission.MANAGE_WEBHOOKS)
                        .textChannel(TEXT, "news")
                        .announcementChannel(NEWS, "announcements")
                        .forumChannel(FORUM, "stories", List.of(new ChannelSpec.Tag(TAG_DEV, "developers"),
                                new ChannelSpec.Tag(TAG_SEC, "Security"), new ChannelSpec.Tag(TAG_OTHER, "gardening")))
                        .textChannel(NO_HOOKS, "no-hooks", BotOverwrite.deny(Permission.MANAGE_WEBHOOKS)))
                .build().start();
        connection = DiscordConnection.connect(new DiscordConfig("MTAx.targets.abc", discord.apiBaseUrl(), discord.gatewayUrl(),
                List.of()), Duration.ofSeconds(20));
        store = TestDatabase.sqlite();
        webhooks = new ChannelWebhookStore(store.database());
        publisher = new JdaPublisher(connection.shards(), new CardEmbeds(DefaultAudiences.list())::build, Duration.ofSeconds(20),
                webhooks);
    }

    @AfterEach
    void stop() {
        connection.close();
        discord.close();
        store.close();
    }

    private static OutgoingMessage message(long channel, String nonce, String title, String link, SubscriptionTarget target) {
        Article article = new Article("guid:" + nonce, nonce, title, link, Instant.parse("2026-11-28T10:00:00Z"), null,
                null, List.of(), "Widget 2.0 ships today.", "Widget 2.0 ships today.", null);
        Card card = new Card("Widget 2.0 ships today.", "Version 2.0 is out.", null, "Update now.",
                List.of(new AudienceRef("security", "Security"), new AudienceRef("developers", "Developers & AI Engineers")),
                List.of("Faster API."), "extractive");
        return new OutgoingMessage(channel, nonce, "Example News", "https://news.example.org/", article, card, List.of(),
                Instant.parse("2026-11-28T11:00:00Z"), null, List.of(), List.of(), target);
    }

    private String sent(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).messageId();
    }

    private List<RecordedRequest> requests(String method, String pathPart) {
        return discord.requests().stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    private JsonNode body(RecordedRequest request) throws Exception {
        return mapper.readTree(request.body());
    }

    @Test
    void anAnnouncementCardIsPostedOnceAndPublishedToFollowers() {
        String id = sent(publisher.send(message(NEWS, "tldr-a1", "Widget 2.0 ships", "https://x.example/a", SubscriptionTarget.PLAIN)));
        assertThat(discord.messages(NEWS)).hasSize(1);
        assertThat(discord.crossposted()).containsExactly(id);
        assertThat(discord.messages(NEWS).get(0).path("flags").asInt() & 1).as("CROSSPOSTED").isEqualTo(1);

        // a repeat after a crash: the nonce returns the same message, publishing it again is "already done"
        assertThat(sent(publisher.send(message(NEWS, "tldr-a1", "Widget 2.0 ships", "https://x.example/a", SubscriptionTarget.PLAIN))))
                .isEqualTo(id);
        assertThat(discord.messages(NEWS)).hasSize(1);
        assertThat(discord.crossposted()).containsExactly(id);
        assertThat(discord.unroutedRequests()).isEmpty();
    }

    @Test
    void aForumCardIsAPostTitledByTheStoryWithItsAudienceTagsAndAnEditLandsInItsFirstMessage() throws Exception {
        String longTitle = "Widget 2.0 ships with a new query planner " + "and many more improvements ".repeat(5);
        String id = sent(publisher.send(message(FORUM, "tldr-f1", longTitle, "https://x.example/f", SubscriptionTarget.PLAIN)));

        assertThat(discord.threadsOf(FORUM)).containsExactly(Long.parseLong(id));
        String name = discord.threadName(Long.parseLong(id));
        assertThat(name).hasSizeLessThanOrEqualTo(100).endsWith("…").startsWith("Widget 2.0 ships with a new query planner");
        assertThat(discord.threadTags(Long.parseLong(id))).as("by id and by label, most relevant audience first")
                .containsExactly(Long.toString(TAG_SEC), Long.toString(TAG_DEV));
        assertThat(discord.messages(Long.parseLong(id))).singleElement()
                .satisfies(m -> assertThat(m.path("embeds").get(0).path("url").asText()).isEqualTo("https://x.example/f"));
        assertThat(discord.messages(FORUM)).isEmpty();

        OutgoingMessage grown = message(FORUM, "tldr-f1", "Widget 2.0 ships, confirmed", "https://x.example/f", SubscriptionTarget.PLAIN);
        assertThat(publisher.edit(FORUM, id, grown)).isInstanceOf(SendResult.Sent.class);
        assertThat(requests("PATCH", "channels/" + id + "/messages/" + id)).hasSize(1);
        assertThat(discord.messages(Long.parseLong(id)).get(0).path("embeds").get(0).path("title").asText())
                .isEqualTo("Widget 2.0 ships, confirmed");
        assertThat(discord.threadsOf(FORUM)).hasSize(1);
        assertThat(publisher.recognisesRepeats(FORUM, SubscriptionTarget.PLAIN)).as("a forum post takes no nonce").isFalse();
        assertThat(publisher.findRecentMessage(FORUM, "https://x.example/f")).contains(id);
        assertThat(publisher.guildOf(FORUM)).as("a forum is a channel of its guild (shard ownership, pauses)").contains(GUILD);
    }

    @Test
    void aThreadTextChannelStartsOneThreadPerCardNamedAfterItsTitle() {
        SubscriptionTarget thread = new SubscriptionTarget(true, null, null);
        String first = sent(publisher.send(message(TEXT, "tldr-t1", "Widget 2.0 ships", "https://x.example/t1", thread)));
        String second = sent(publisher.send(message(TEXT, "tldr-t2", "Gadget 3 is out", "https://x.example/t2", thread)));
        assertThat(discord.threadsOf(TEXT)).containsExactly(Long.parseLong(first), Long.parseLong(second));
        assertThat(discord.threadName(Long.parseLong(first))).isEqualTo("Widget 2.0 ships");
        assertThat(requests("POST", "channels/" + TEXT + "/messages/" + first + "/threads")).hasSize(1);

        // repeated after a crash: same message (nonce), the thread exists already, nothing new
        assertThat(sent(publisher.send(message(TEXT, "tldr-t1", "Widget 2.0 ships", "https://x.example/t1", thread)))).isEqualTo(first);
        assertThat(discord.messages(TEXT)).hasSize(2);
        assertThat(discord.threadsOf(TEXT)).hasSize(2);

        sent(publisher.send(message(TEXT, "tldr-t3", "Plain card", "https://x.example/t3", SubscriptionTarget.PLAIN)));
        assertThat(discord.threadsOf(TEXT)).as("thread: false starts none").hasSize(2);
    }

    @Test
    void aWebhookIsMadeOnceAndReusedWithEachSubscriptionsNameAndAvatar() throws Exception {
        SubscriptionTarget radar = new SubscriptionTarget(false, "Release Radar", "https://cdn.example.org/radar.png");
        SubscriptionTarget newsroom = new SubscriptionTarget(false, "Newsroom", null);
        String a = sent(publisher.send(message(TEXT, "tldr-w1", "Widget 2.0 ships", "https://x.example/w1", radar)));
        String b = sent(publisher.send(message(TEXT, "tldr-w2", "Gadget 3 is out", "https://x.example/w2", newsroom)));

        assertThat(discord.webhooksOf(TEXT)).hasSize(1);
        assertThat(requests("POST", "channels/" + TEXT + "/webhooks")).hasSize(1);
        long hook = discord.webhooksOf(TEXT).get(0);
        assertThat(webhooks.find(TEXT)).map(ChannelWebhook::webhookId).contains(hook);
        List<RecordedRequest> executes = requests("POST", "webhooks/" + hook + "/");
        assertThat(executes).hasSize(2).allSatisfy(r -> assertThat(r.path()).contains("wait=true"));
        assertThat(body(executes.get(0)).path("username").asText()).isEqualTo("Release Radar");
        assertThat(body(executes.get(0)).path("avatar_url").asText()).isEqualTo("https://cdn.example.org/radar.png");
        assertThat(body(executes.get(1)).path("username").asText()).isEqualTo("Newsroom");
        assertThat(body(executes.get(1)).has("avatar_url")).isFalse();
        assertThat(discord.messages(TEXT)).extracting(m -> m.path("id").asText()).containsExactly(a, b);
        assertThat(discord.messages(TEXT)).allSatisfy(m -> assertThat(m.path("webhook_id").asText()).isEqualTo(Long.toString(hook)));

        assertThat(publisher.edit(TEXT, a, message(TEXT, "tldr-w1", "Widget 2.0 ships, updated", "https://x.example/w1", radar)))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(requests("PATCH", "webhooks/" + hook + "/")).singleElement()
                .satisfies(r -> assertThat(r.path()).contains("/messages/" + a));
        assertThat(discord.messages(TEXT).get(0).path("embeds").get(0).path("title").asText()).isEqualTo("Widget 2.0 ships, updated");
        assertThat(publisher.recognisesRepeats(TEXT, radar)).isFalse();
        assertThat(publisher.findRecentMessage(TEXT, "https://x.example/w2")).as("a webhook post is the bot's too").contains(b);
    }

    @Test
    void aWebhookPostInAForumStartsItsPostAndItsEditCarriesTheThreadId() {
        SubscriptionTarget radar = new SubscriptionTarget(false, "Release Radar", null);
        String id = sent(publisher.send(message(FORUM, "tldr-fw", "Widget 2.0 ships", "https://x.example/fw", radar)));
        assertThat(discord.threadsOf(FORUM)).containsExactly(Long.parseLong(id));
        assertThat(discord.threadName(Long.parseLong(id))).isEqualTo("Widget 2.0 ships");
        assertThat(discord.threadTags(Long.parseLong(id))).containsExactly(Long.toString(TAG_SEC), Long.toString(TAG_DEV));

        assertThat(publisher.edit(FORUM, id, message(FORUM, "tldr-fw", "Widget 2.0 ships, updated", "https://x.example/fw", radar)))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(requests("PATCH", "webhooks/")).singleElement().satisfies(r -> assertThat(r.path()).contains("thread_id=" + id));
        assertThat(discord.messages(Long.parseLong(id)).get(0).path("embeds").get(0).path("title").asText())
                .isEqualTo("Widget 2.0 ships, updated");
    }

    @Test
    void aDeletedWebhookIsMadeAgainOnceAndTheCardStillGoesOut() {
        SubscriptionTarget radar = new SubscriptionTarget(false, "Release Radar", null);
        sent(publisher.send(message(TEXT, "tldr-d1", "First", "https://x.example/d1", radar)));
        long old = discord.webhooksOf(TEXT).get(0);
        assertThat(discord.deleteWebhook(old)).isTrue();

        sent(publisher.send(message(TEXT, "tldr-d2", "Second", "https://x.example/d2", radar)));
        assertThat(discord.webhooksOf(TEXT)).hasSize(1).doesNotContain(old);
        assertThat(webhooks.find(TEXT)).map(ChannelWebhook::webhookId).contains(discord.webhooksOf(TEXT).get(0));
        assertThat(discord.messages(TEXT)).hasSize(2);
        assertThat(requests("POST", "channels/" + TEXT + "/webhooks")).hasSize(2);
    }

    @Test
    void withoutManageWebhooksAWebhookSubscriptionIsRefusedNamingThePermission() {
        SendResult result = publisher.send(message(NO_HOOKS, "tldr-n1", "First", "https://x.example/n1",
                new SubscriptionTarget(false, "Release Radar", null)));
        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class,
                r -> assertThat(r.reason()).contains("Manage Webhooks"));
        assertThat(discord.messages(NO_HOOKS)).isEmpty();
    }
}
