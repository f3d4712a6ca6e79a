package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.recap.RecapService;
import io.github.tldrbot.store.RecapStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /audiences} (SPEC §7): the configured "who should care" audiences, their descriptions and
 * how many cards named each in the last 7 days in this server's feeds, so people know what to put
 * in {@code /recap audience:}. Ephemeral: it is a reference, not news for the channel.
 */
public final class AudiencesCommand implements SlashCommand {
    static final Duration WINDOW = Duration.ofDays(7);
    /** 25 fields per embed; more audiences go in the description list instead. */
    private static final int MAX_FIELDS = 25;

    private final RecapService service;
    private final RecapStore store;
    private final Clock clock;

    public AudiencesCommand(RecapService service, RecapStore store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Moderation.guildOnly(Commands.slash("audiences", "Who the cards are for, and how many cards each got this week"));
    }

    @Override
    public boolean ephemeral(SlashCommandInteractionEvent event) {
        return true;
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws UserError {
        if (event.getGuild() == null) {
            throw new UserError("/audiences works in a server: it counts that server's cards.");
        }
        if (service.audiences().isEmpty()) {
            reply.text("No audiences are configured; the operator can add them under `audiences:` in the configuration.");
            return;
        }
        Instant now = clock.instant();
        Map<String, Integer> counts = store.audienceCounts(event.getGuild().getIdLong(), now.minus(WINDOW), now);
        EmbedBuilder embed = new EmbedBuilder().setTitle("Audiences · cards in the last 7 days")
                .setColor(CardEmbeds.DEFAULT_COLOR)
                .setFooter("Use /recap audience:<name> for the best stories of one audience");
        int shown = 0;
        StringBuilder rest = new StringBuilder();
        for (AudienceConfig a : service.audiences()) {
            int n = counts.getOrDefault(a.id(), 0);
            String label = a.label() == null || a.label().isBlank() ? a.id() : a.label();
            String name = fit(label + " (`" + a.id() + "`) — " + n + (n == 1 ? " card" : " cards"), MessageEmbed.TITLE_MAX_LENGTH);
            String description = a.description() == null || a.description().isBlank() ? "—" : a.description().strip();
            if (shown < MAX_FIELDS) {
                embed.addField(name, fit(description, MessageEmbed.VALUE_MAX_LENGTH), false);
                shown++;
            } else {
                rest.append("• ").append(name).append('\n');
            }
        }
        if (!rest.isEmpty()) {
            embed.setDescription(fit(rest.toString(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        }
        if (!embed.isValidLength()) {
            embed.clearFields().setDescription(fit(summary(counts), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        }
        reply.message(new MessageCreateBuilder().setEmbeds(embed.build())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build());
    }

    /** When the descriptions are too long for one embed: one line per audience. */
    private String summary(Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder();
        for (AudienceConfig a : service.audiences()) {
            out.append("• ").append(a.label() == null ? a.id() : a.label()).append(" (`").append(a.id()).append("`) — ")
                    .append(counts.getOrDefault(a.id(), 0)).append('\n');
        }
        return out.toString();
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
