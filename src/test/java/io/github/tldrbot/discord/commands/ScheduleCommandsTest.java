package io.github.tldrbot.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.usecase.AssignAudienceRole;
import io.github.tldrbot.usecase.CancelRecap;
import io.github.tldrbot.usecase.ScheduleRecap;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.testing.discord.BotOverwrite;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.FakeDiscordJda;
import io.github.tldrbot.testing.discord.Interactions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /audience-role and /recap-schedule through the real JDA against the Discord stand-in, on a real store. */
class ScheduleCommandsTest {
    static final long GUILD = 100;
    static final long NEWS = 101;
    static final long LOCKED = 102;
    static final long ROLE = 300;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private JDA jda;
    private CommandRouter router;
    private Interactions ui;
    private Database db;
    private AudienceRoleStore roles;
    private RecapScheduleStore schedules;
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.builder().token("t").botUser(10, "bot")
                .guild(g -> g.id(GUILD).name("G").textChannel(NEWS, "news")
                        .textChannel(LOCKED, "locked", BotOverwrite.deny(Permission.MESSAGE_EMBED_LINKS)).role(ROLE, "sec-team"))
                .build().start();
        jda = FakeDiscordJda.connect(discord);
        db = new Database("jdbc:sqlite:" + dir.resolve("bot.db"));
        roles = new AudienceRoleStore(db);
        schedules = new RecapScheduleStore(db);
        RecapScheduleChanges recording = new RecapScheduleChanges() {
            @Override
            public void added(RecapSchedule schedule) {
                changes.add("added " + schedule.id());
            }

            @Override
            public void removed(long scheduleId) {
                changes.add("removed " + scheduleId);
            }
        };
        router = new CommandRouter(List.of(new AudienceRoleCommand(DefaultAudiences.list(), new AssignAudienceRole(db, roles)),
                new RecapScheduleCommand(DefaultAudiences.list(), schedules,
                        new ScheduleRecap(db, schedules, recording, Clock.systemUTC()), new CancelRecap(schedules, recording), Clock.systemUTC())), List.of());
        jda.addEventListener(router);
        ui = new Interactions(discord, GUILD, NEWS, "news");
    }

    @AfterEach
    void stop() throws Exception {
        router.close();
        jda.shutdown();
        jda.awaitShutdown(Duration.ofSeconds(5));
        discord.close();
        db.close();
    }

    private Interactions.Sent roleSet(String audience, long roleId, String roleName) {
        return ui.slash("audience-role").sub("set").string("audience", audience).role("role", roleId, roleName).moderator().send();
    }

    private Interactions.Builder scheduleAdd(long channel, String channelName, String period) {
        return ui.slash("recap-schedule").sub("add").channel("channel", channel, channelName).string("period", period);
    }

    // ---- /audience-role

    @Test
    void setStoresTheRoleEphemerallyAndClearRemovesIt() {
        Interactions.Sent set = roleSet("security", ROLE, "sec-team");
        assertThat(set.awaitReplyText()).isEqualTo("Cards for **Security Teams** will mention <@&" + ROLE + ">.");
        assertThat(set.ephemeral()).isTrue();
        assertThat(roles.listForGuild(GUILD)).containsEntry("security", ROLE);

        Interactions.Sent clear = ui.slash("audience-role").sub("clear").string("audience", "security").moderator().send();
        assertThat(clear.awaitReplyText()).isEqualTo("Cards for **Security Teams** no longer mention a role.");
        assertThat(roles.listForGuild(GUILD)).isEmpty();
    }

    @Test
    void unknownAudienceListsTheIds() {
        String reply = roleSet("gamers", ROLE, "sec-team").awaitReplyText();
        assertThat(reply).startsWith("⚠️ Unknown audience 'gamers'. Pick one of: developers, researchers, executives")
                .contains("security");
        assertThat(roles.listForGuild(GUILD)).isEmpty();
    }

    @Test
    void everyoneIsRefused() {
        String reply = roleSet("security", GUILD, "@everyone").awaitReplyText();
        assertThat(reply).startsWith("⚠️ @everyone cannot be an audience role");
        assertThat(roles.listForGuild(GUILD)).isEmpty();
    }

    @Test
    void audienceAutocompleteMatchesIdsAndLabels() {
        List<ObjectNode> choices = ui.autocomplete("audience-role").sub("set").focused("audience", "sec").send().awaitChoices();
        assertThat(choices).extracting(c -> c.path("value").asText()).containsExactly("security");
        assertThat(choices.get(0).path("name").asText()).isEqualTo("Security Teams (security)");
    }

    @Test
    void aManagedRoleIsRefusedAndAnUnmentionableOneIsStoredWithAWarning() {
        String managed = awaitText(roleSetRaw(701, "Some Bot", true, true));
        assertThat(managed).startsWith("⚠️ @Some Bot is managed by an integration");
        assertThat(roles.listForGuild(GUILD)).isEmpty();

        String quiet = awaitText(roleSetRaw(702, "quiet-team", false, false));
        assertThat(quiet).startsWith("Cards for **Security Teams** will mention <@&702>.\n⚠️ <@&702> is not mentionable and the bot "
                + "lacks the Mention Everyone permission, so cards will name the role without pinging anyone.");
        assertThat(roles.listForGuild(GUILD)).containsEntry("security", 702L);
    }

    /**
     * /audience-role set with a role whose managed and mentionable flags are chosen: Discord
     * announces the new role on the gateway (GUILD_ROLE_CREATE), then the moderator picks it. JDA
     * takes an option's role from its cache, so the role must be known there first.
     */
    private String roleSetRaw(long roleId, String roleName, boolean managed, boolean mentionable) {
        ObjectNode create = discord.newObject();
        create.put("guild_id", Long.toString(GUILD));
        ObjectNode role = create.putObject("role");
        role.put("id", Long.toString(roleId)).put("name", roleName).put("position", 1).put("permissions", "0").put("color", 0)
                .put("hoist", false).put("managed", managed).put("mentionable", mentionable).put("flags", 0);
        role.putObject("colors").put("primary_color", 0);
        discord.dispatch("GUILD_ROLE_CREATE", create);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jda.getRoleById(roleId) != null);
        return roleSet("security", roleId, roleName).token();
    }

    private String awaitText(String token) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !discord.webhookMessages(token).isEmpty());
        List<ObjectNode> messages = discord.webhookMessages(token);
        return messages.get(messages.size() - 1).path("content").asText();
    }

    // ---- /recap-schedule

    @Test
    void addListAndRemoveAWeeklySchedule() {
        Interactions.Sent add = scheduleAdd(NEWS, "news", "week").string("audience", "security").string("time", "17:30")
                .string("weekday", "fri").moderator().send();
        String reply = add.awaitReplyText();
        assertThat(add.ephemeral()).isTrue();
        RecapSchedule stored = schedules.listForGuild(GUILD).get(0);
        assertThat(stored.cron()).isEqualTo("0 30 17 ? * FRI");
        assertThat(stored.timeUtc()).isEqualTo("17:30");
        assertThat(stored.weekday()).isEqualTo("fri");
        assertThat(stored.audience()).isEqualTo("security");
        assertThat(reply).startsWith("Scheduled #" + stored.id() + " · weekly recap in <#" + NEWS + "> · 17:30 fri UTC · audience security. Next recap: <t:");
        Matcher epoch = Pattern.compile("<t:(\\d+):F>").matcher(reply);
        assertThat(epoch.find()).isTrue();
        Instant next = Instant.ofEpochSecond(Long.parseLong(epoch.group(1)));
        assertThat(next.atZone(java.time.ZoneOffset.UTC).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(next.atZone(java.time.ZoneOffset.UTC).toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 30));
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(7)));
        assertThat(changes).containsExactly("added " + stored.id());

        String list = ui.slash("recap-schedule").sub("list").moderator().send().awaitReplyText();
        assertThat(list).contains("#" + stored.id() + " · weekly recap in <#" + NEWS + "> · 17:30 fri UTC").contains("next <t:");

        List<ObjectNode> choices = ui.autocomplete("recap-schedule").sub("remove").focused("schedule", "").send().awaitChoices();
        assertThat(choices).extracting(c -> c.path("name").asText())
                .containsExactly("#" + stored.id() + " · weekly · #news · 17:30 fri · security");

        String removed = ui.slash("recap-schedule").sub("remove").string("schedule", choices.get(0).path("value").asText())
                .moderator().send().awaitReplyText();
        assertThat(removed).startsWith("Removed #" + stored.id());
        assertThat(schedules.listForGuild(GUILD)).isEmpty();
        assertThat(changes).containsExactly("added " + stored.id(), "removed " + stored.id());
        assertThat(ui.slash("recap-schedule").sub("list").moderator().send().awaitReplyText()).startsWith("No recaps are scheduled");
    }

    @Test
    void defaultsAreNineUtcAndMondayAndMonthIsTheFirst() {
        scheduleAdd(NEWS, "news", "week").moderator().send().awaitReplyText();
        scheduleAdd(NEWS, "news", "month").moderator().send().awaitReplyText();
        scheduleAdd(NEWS, "news", "day").string("time", "7:05").moderator().send().awaitReplyText();
        assertThat(schedules.listForGuild(GUILD)).extracting(RecapSchedule::cron)
                .containsExactly("0 0 9 ? * MON", "0 0 9 1 * ?", "0 5 7 * * ?");
        String again = scheduleAdd(NEWS, "news", "week").moderator().send().awaitReplyText();
        assertThat(again).startsWith("⚠️ That recap is already scheduled (#");
    }

    @Test
    void badTimesAreRefusedWithTheFormat() {
        for (String time : List.of("25:00", "9am")) {
            String reply = scheduleAdd(NEWS, "news", "day").string("time", time).moderator().send().awaitReplyText();
            assertThat(reply).isEqualTo("⚠️ '" + time + "' is not a time: write HH:MM in UTC, 24-hour clock (e.g. 09:00 or 17:30).");
        }
        assertThat(schedules.listAll()).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void unknownAudienceAndWeekdayForADailyRecapAreRefused() {
        assertThat(scheduleAdd(NEWS, "news", "week").string("audience", "gamers").moderator().send().awaitReplyText())
                .startsWith("⚠️ Unknown audience 'gamers'. Pick one of: developers");
        assertThat(scheduleAdd(NEWS, "news", "day").string("weekday", "tue").moderator().send().awaitReplyText())
                .startsWith("⚠️ weekday applies to period week only");
        assertThat(schedules.listAll()).isEmpty();
    }

    @Test
    void aChannelWhereTheBotCannotPostIsRefused() {
        String reply = scheduleAdd(LOCKED, "locked", "week").moderator().send().awaitReplyText();
        assertThat(reply).isEqualTo("⚠️ I cannot post recaps in <#" + LOCKED + ">: I need View Channel, Send Messages and Embed Links "
                + "there (missing: Embed Links). Grant them in the channel's permissions, or pick another channel.");
        assertThat(schedules.listAll()).isEmpty();
    }

    @Test
    void unknownOrForeignSchedulesCannotBeRemoved() {
        RecapSchedule foreign = schedules.add(999, 9991, "day", null, "09:00", null, "0 0 9 * * ?", Instant.now());
        for (String typed : List.of("42", "#" + foreign.id(), "weekly")) {
            String reply = ui.slash("recap-schedule").sub("remove").string("schedule", typed).moderator().send().awaitReplyText();
            assertThat(reply).isEqualTo("⚠️ No recap schedule '" + typed + "' in this server. Pick one from the list "
                    + "(/recap-schedule list shows them).");
        }
        assertThat(schedules.listAll()).containsExactly(foreign);
        assertThat(changes).isEmpty();
    }

    @Test
    void configSchedulesAreListedButRemovedInTheConfigFile() {
        long id = schedules.upsertConfig(GUILD, NEWS, "week", null, "0 0 8 ? * FRI", Instant.now());
        assertThat(ui.slash("recap-schedule").sub("list").moderator().send().awaitReplyText())
                .contains("#" + id + " · weekly recap in <#" + NEWS + "> · cron 0 0 8 ? * FRI UTC · from the config file");
        assertThat(ui.slash("recap-schedule").sub("remove").string("schedule", Long.toString(id)).moderator().send().awaitReplyText())
                .startsWith("⚠️ #" + id + " comes from the bot's config file (recaps:)");
        assertThat(schedules.listAll()).hasSize(1);
    }

    @Test
    void bothCommandsAreModeratorOnlyGuildCommands() {
        for (SlashCommand c : List.of(new AudienceRoleCommand(DefaultAudiences.list(), new AssignAudienceRole(db, roles)),
                new RecapScheduleCommand(DefaultAudiences.list(), schedules,
                new ScheduleRecap(db, schedules, RecapScheduleChanges.NONE, Clock.systemUTC()),
                new CancelRecap(schedules, RecapScheduleChanges.NONE), Clock.systemUTC()))) {
            assertThat(c.data().getDefaultPermissions().getPermissionsRaw()).isEqualTo(Permission.MANAGE_SERVER.getRawValue());
            assertThat(c.data().getContexts()).containsExactly(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD);
        }
    }
}
