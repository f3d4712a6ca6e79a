package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.usecase.AssignAudienceRole;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /audience-role set|clear} (SPEC §7): which role the cards for an audience mention in this
 * server. Refuses @everyone (it would ping the whole server) and roles managed by an integration
 * (a bot's own role, the booster role: nobody chooses to join them); warns when the role will be
 * named without a ping because it is not mentionable and the bot lacks Mention Everyone.
 */
public final class AudienceRoleCommand implements SlashCommand {
    private final AudienceChoices audiences;
    private final AssignAudienceRole roles;

    public AudienceRoleCommand(List<AudienceConfig> audiences, AssignAudienceRole roles) {
        this.audiences = new AudienceChoices(audiences);
        this.roles = roles;
    }

    @Override
    public SlashCommandData data() {
        OptionData audience = new OptionData(OptionType.STRING, "audience", "The audience (see /audiences)", true, true);
        return Moderation.moderatorOnly(Commands.slash("audience-role", "Mention a role on the cards for an audience")
                .addSubcommands(
                        new SubcommandData("set", "Cards for this audience mention this role")
                                .addOptions(audience, new OptionData(OptionType.ROLE, "role", "The role to mention", true)),
                        new SubcommandData("clear", "Cards for this audience stop mentioning a role")
                                .addOptions(audience)));
    }

    @Override
    public boolean ephemeral(SlashCommandInteractionEvent event) {
        return true;
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws UserError {
        Guild guild = event.getGuild();
        if (guild == null) {
            throw new UserError("Audience roles belong to a server: run this command in one.");
        }
        AudienceConfig audience = audiences.resolve(event.getOption("audience", OptionMapping::getAsString));
        if ("clear".equals(event.getSubcommandName())) {
            boolean had = roles.clear(guild.getIdLong(), audience.id());
            reply.text(had ? "Cards for **" + audience.label() + "** no longer mention a role."
                    : "Cards for **" + audience.label() + "** did not mention a role; nothing changed.");
            return;
        }
        Role role = event.getOption("role", OptionMapping::getAsRole);
        if (role == null) {
            throw new UserError("Pick the role to mention with the role option.");
        }
        if (role.isPublicRole()) {
            throw new UserError("@everyone cannot be an audience role: every card for " + audience.label()
                    + " would ping the whole server. Create a role for the people who want these cards and pick it.");
        }
        if (role.isManaged()) {
            throw new UserError("@" + role.getName() + " is managed by an integration (a bot's or the booster role), "
                    + "so members cannot opt into it. Pick a role you manage.");
        }
        Long previous = roles.set(guild.getIdLong(), audience.id(), role.getIdLong()).orElse(null);
        StringBuilder text = new StringBuilder("Cards for **").append(audience.label()).append("** will mention ")
                .append(role.getAsMention());
        if (previous != null && previous != role.getIdLong()) {
            text.append(" (instead of <@&").append(previous).append(">)");
        }
        text.append('.');
        if (!role.isMentionable() && !guild.getSelfMember().hasPermission(Permission.MESSAGE_MENTION_EVERYONE)) {
            text.append("\n⚠️ ").append(role.getAsMention()).append(" is not mentionable and the bot lacks the Mention Everyone "
                    + "permission, so cards will name the role without pinging anyone. Make the role mentionable "
                    + "(Server Settings → Roles) or give the bot \"Mention @everyone, @here and All Roles\".");
        }
        // An ephemeral reply pings nobody, but say so explicitly: the reply only names the role.
        reply.send(new MessageEditBuilder().setContent(text.toString()).setAllowedMentions(List.of()).build());
    }

    @Override
    public List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
        return audiences.choices(event.getFocusedOption().getValue());
    }
}
