package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.ChannelAccess;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.schedule.RecapCron;
import io.github.tldrbot.usecase.CancelRecap;
import io.github.tldrbot.usecase.Refused;
import io.github.tldrbot.usecase.ScheduleRecap;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.SubscriptionSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /recap-schedule add|remove|list} (SPEC §7, §8.2): recaps posted on a schedule, in UTC.
 * {@code day}: every day at {@code time}; {@code week}: every {@code weekday} at {@code time};
 * {@code month}: the first day of every month at {@code time}. Changes reach the running
 * scheduler at once through {@link RecapScheduleChanges}.
 */
public final class RecapScheduleCommand implements SlashCommand {
    private final AudienceChoices audiences;
    private final RecapScheduleStore schedules;
    private final ScheduleRecap scheduleRecap;
    private final CancelRecap cancelRecap;
    private final Clock clock;

    /** @param schedules read for {@code list} and autocomplete; changes go through the two use cases */
    public RecapScheduleCommand(List<AudienceConfig> audiences, RecapScheduleStore schedules, ScheduleRecap scheduleRecap,
                                CancelRecap cancelRecap, Clock clock) {
        this.audiences = new AudienceChoices(audiences);
        this.schedules = schedules;
        this.scheduleRecap = scheduleRecap;
        this.cancelRecap = cancelRecap;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        OptionData period = new OptionData(OptionType.STRING, "period", "Which recap: the last day, week or month", true)
                .addChoice("day", "day").addChoice("week", "week").addChoice("month", "month");
        OptionData weekday = new OptionData(OptionType.STRING, "weekday", "For period week: the day it is posted (default mon)", false);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekday.addChoice(RecapCron.weekdayName(day), RecapCron.weekdayName(day));
        }
        return Moderation.moderatorOnly(Commands.slash("recap-schedule", "Post recaps on a schedule")
                .addSubcommands(
                        new SubcommandData("add", "Post a recap into a channel on a schedule (times in UTC)").addOptions(
                                new OptionData(OptionType.CHANNEL, "channel", "Where the recap is posted", true)
                                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS),
                                period,
                                new OptionData(OptionType.STRING, "audience", "Only cards for this audience", false, true),
                                new OptionData(OptionType.STRING, "time", "HH:MM, UTC, 24-hour (default 09:00); month: on the 1st", false),
                                weekday),
                        new SubcommandData("remove", "Stop a scheduled recap").addOptions(
                                new OptionData(OptionType.STRING, "schedule", "The schedule (see /recap-schedule list)", true, true)),
                        new SubcommandData("list", "This server's scheduled recaps")));
    }

    @Override
    public boolean ephemeral(SlashCommandInteractionEvent event) {
        return true;
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Refused {
        Guild guild = event.getGuild();
        if (guild == null) {
            throw new UserError("Recap schedules belong to a server: run this command in one.");
        }
        switch (Objects.requireNonNullElse(event.getSubcommandName(), "")) {
            case "add" -> add(event, guild, reply);
            case "remove" -> remove(event, guild, reply);
            case "list" -> reply.text(list(guild));
            default -> throw new UserError("Use /recap-schedule add, remove or list.");
        }
    }

    private void add(SlashCommandInteractionEvent event, Guild guild, CommandReply reply) throws Refused {
        GuildChannel picked = event.getOption("channel", OptionMapping::getAsChannel);
        if (!(picked instanceof GuildMessageChannel channel) || picked.getGuild().getIdLong() != guild.getIdLong()) {
            throw new UserError("Pick a text channel of this server for the recap.");
        }
        RecapPeriod period = parsePeriod(event.getOption("period", "week", OptionMapping::getAsString));
        String audience = audiences.idOrNull(event.getOption("audience", OptionMapping::getAsString));
        LocalTime time;
        DayOfWeek weekday;
        try {
            time = RecapCron.parseTime(event.getOption("time", "09:00", OptionMapping::getAsString));
            String weekdayText = event.getOption("weekday", OptionMapping::getAsString);
            weekday = weekdayText == null ? null : RecapCron.parseWeekday(weekdayText);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
        List<Permission> missing = ChannelAccess.missing(channel);
        if (!missing.isEmpty()) {
            throw new UserError("I cannot post recaps in " + channel.getAsMention() + ": I need View Channel, Send Messages and "
                    + "Embed Links there (missing: " + ChannelAccess.names(missing)
                    + "). Grant them in the channel's permissions, or pick another channel.");
        }
        RecapSchedule schedule = scheduleRecap.run(guild.getIdLong(), channel.getIdLong(), period, audience, time, weekday);
        String next = RecapCron.nextFire(schedule.cron(), clock.instant()).map(RecapScheduleCommand::timestamp).orElse("never");
        reply.text("Scheduled " + describe(schedule, guild) + ". Next recap: " + next + ".");
    }

    private void remove(SlashCommandInteractionEvent event, Guild guild, CommandReply reply) throws Refused {
        RecapSchedule schedule = cancelRecap.run(guild.getIdLong(), event.getOption("schedule", OptionMapping::getAsString));
        reply.text("Removed " + describe(schedule, guild) + ".");
    }

    private String list(Guild guild) {
        List<RecapSchedule> all = schedules.listForGuild(guild.getIdLong());
        if (all.isEmpty()) {
            return "No recaps are scheduled in this server. Add one with /recap-schedule add.";
        }
        StringBuilder text = new StringBuilder("**Scheduled recaps** (times in UTC)");
        Instant now = clock.instant();
        for (RecapSchedule s : all) {
            text.append("\n• ").append(describe(s, guild)).append(" — next ")
                    .append(RecapCron.nextFire(s.cron(), now).map(RecapScheduleCommand::timestamp).orElse("never"));
        }
        return text.toString();
    }

    @Override
    public List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
        Guild guild = event.getGuild();
        if (guild == null) {
            return List.of();
        }
        if (event.getFocusedOption().getName().equals("audience")) {
            return audiences.choices(event.getFocusedOption().getValue());
        }
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        return schedules.listForGuild(guild.getIdLong()).stream()
                .map(s -> new Command.Choice(shortLabel(s, guild), Long.toString(s.id())))
                .filter(c -> c.getName().toLowerCase(Locale.ROOT).contains(typed))
                .limit(25)
                .toList();
    }

    /** "#3 · weekly · #news · 09:00 mon" (autocomplete names are plain text, so the channel is named). */
    static String shortLabel(RecapSchedule s, Guild guild) {
        GuildChannel channel = guild.getGuildChannelById(s.channelId());
        String where = channel == null ? "#" + s.channelId() : "#" + channel.getName();
        StringBuilder label = new StringBuilder("#").append(s.id()).append(" · ").append(periodWord(s.period()))
                .append(" · ").append(where).append(" · ").append(when(s));
        if (s.audience() != null) {
            label.append(" · ").append(s.audience());
        }
        return label.length() > 100 ? label.substring(0, 100) : label.toString();
    }

    private static String describe(RecapSchedule s, Guild guild) {
        StringBuilder text = new StringBuilder("#").append(s.id()).append(" · ").append(periodWord(s.period()))
                .append(" recap in <#").append(s.channelId()).append("> · ").append(when(s)).append(" UTC");
        if (s.audience() != null) {
            text.append(" · audience ").append(s.audience());
        }
        if (s.source() == SubscriptionSource.CONFIG) {
            text.append(" · from the config file");
        }
        return text.toString();
    }

    private static String when(RecapSchedule s) {
        if (s.timeUtc() == null) {
            return "cron " + s.cron();
        }
        return switch (s.period()) {
            case "week" -> s.timeUtc() + " " + s.weekday();
            case "month" -> s.timeUtc() + " on the 1st";
            default -> s.timeUtc();
        };
    }

    private static RecapPeriod parsePeriod(String text) throws UserError {
        if (!List.of("day", "week", "month").contains(text)) {
            throw new UserError("'" + text + "' is not a period: use day, week or month.");
        }
        return RecapPeriod.parse(text);
    }

    private static String periodWord(RecapPeriod period) {
        return periodWord(period.name().toLowerCase(Locale.ROOT));
    }

    private static String periodWord(String period) {
        return switch (period) {
            case "day" -> "daily";
            case "month" -> "monthly";
            default -> "weekly";
        };
    }

    /** A Discord timestamp: shown in each reader's time zone, plus "in 3 days". */
    private static String timestamp(Instant at) {
        return "<t:" + at.getEpochSecond() + ":F> (<t:" + at.getEpochSecond() + ":R>)";
    }
}
