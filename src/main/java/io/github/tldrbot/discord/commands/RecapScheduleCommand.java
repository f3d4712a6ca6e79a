package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.ChannelAccess;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.schedule.RecapCron;
import io.github.tldrbot.schedule.RecapScheduleChanges;
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
    /** Keeps a guild's schedules within one autocomplete page. */
    static final int MAX_PER_GUILD = 25;

    private final AudienceChoices audiences;
    private final RecapScheduleStore schedules;
    private final RecapScheduleChanges changes;
    private final Clock clock;

    public RecapScheduleCommand(List<AudienceConfig> audiences, RecapScheduleStore schedules, RecapScheduleChanges changes, Clock clock) {
        this.audiences = new AudienceChoices(audiences);
        this.schedules = schedules;
        this.changes = changes;
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
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws UserError {
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

    private void add(SlashCommandInteractionEvent event, Guild guild, CommandReply reply) throws UserError {
        GuildChannel picked = event.getOption("channel", OptionMapping::getAsChannel);
        if (!(picked instanceof GuildMessageChannel channel) || picked.getGuild().getIdLong() != guild.getIdLong()) {
            throw new UserError("Pick a text channel of this server for the recap.");
        }
        RecapPeriod period = parsePeriod(event.getOption("period", "week", OptionMapping::getAsString));
        String audienceText = event.getOption("audience", OptionMapping::getAsString);
        String audience = audienceText == null || audienceText.isBlank() ? null : audiences.resolve(audienceText).id();
        LocalTime time;
        DayOfWeek weekday = null;
        try {
            time = RecapCron.parseTime(event.getOption("time", "09:00", OptionMapping::getAsString));
            String weekdayText = event.getOption("weekday", OptionMapping::getAsString);
            if (weekdayText != null && period != RecapPeriod.WEEK) {
                throw new UserError("weekday applies to period week only; a " + periodWord(period)
                        + " recap runs " + (period == RecapPeriod.DAY ? "every day" : "on the 1st of each month") + ". Leave weekday out.");
            }
            if (period == RecapPeriod.WEEK) {
                weekday = RecapCron.parseWeekday(weekdayText == null ? "mon" : weekdayText);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
        List<Permission> missing = ChannelAccess.missing(channel);
        if (!missing.isEmpty()) {
            throw new UserError("I cannot post recaps in " + channel.getAsMention() + ": I need View Channel, Send Messages and "
                    + "Embed Links there (missing: " + ChannelAccess.names(missing)
                    + "). Grant them in the channel's permissions, or pick another channel.");
        }
        String cron = RecapCron.build(period, time, weekday);
        String periodName = period.name().toLowerCase(Locale.ROOT);
        List<RecapSchedule> existing = schedules.listForGuild(guild.getIdLong());
        Optional<RecapSchedule> same = existing.stream().filter(s -> s.channelId() == channel.getIdLong()
                && s.period().equals(periodName) && Objects.equals(s.audience(), audience) && s.cron().equals(cron)).findFirst();
        if (same.isPresent()) {
            throw new UserError("That recap is already scheduled (#" + same.get().id() + ").");
        }
        if (existing.size() >= MAX_PER_GUILD) {
            throw new UserError("This server already has " + MAX_PER_GUILD + " recap schedules, the most it may have. "
                    + "Remove one with /recap-schedule remove first.");
        }
        RecapSchedule schedule = schedules.add(guild.getIdLong(), channel.getIdLong(), periodName, audience,
                RecapCron.timeText(time), weekday == null ? null : RecapCron.weekdayName(weekday), cron, clock.instant());
        changes.added(schedule);
        String next = RecapCron.nextFire(cron, clock.instant()).map(RecapScheduleCommand::timestamp).orElse("never");
        reply.text("Scheduled " + describe(schedule, guild) + ". Next recap: " + next + ".");
    }

    private void remove(SlashCommandInteractionEvent event, Guild guild, CommandReply reply) throws UserError {
        String typed = Objects.requireNonNullElse(event.getOption("schedule", OptionMapping::getAsString), "").strip();
        String digits = typed.startsWith("#") ? typed.substring(1) : typed;
        int end = 0;
        while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        Optional<RecapSchedule> found = end == 0 || end > 18 ? Optional.empty()
                : schedules.findById(Long.parseLong(digits.substring(0, end)))
                        .filter(s -> s.guildId() != null && s.guildId() == guild.getIdLong());
        if (found.isEmpty()) {
            throw new UserError("No recap schedule '" + typed + "' in this server. Pick one from the list "
                    + "(/recap-schedule list shows them).");
        }
        RecapSchedule schedule = found.get();
        if (schedule.source() == SubscriptionSource.CONFIG) {
            throw new UserError("#" + schedule.id() + " comes from the bot's config file (recaps:); remove it there and restart the bot.");
        }
        schedules.delete(guild.getIdLong(), schedule.id());
        changes.removed(schedule.id());
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
