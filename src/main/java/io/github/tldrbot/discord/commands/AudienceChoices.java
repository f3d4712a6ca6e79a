package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.AudienceConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * The configured audiences as command input: autocomplete choices, and resolving what a user typed
 * (an id, whatever the case, or a label) to an audience — or a {@link UserError} listing the ids.
 */
final class AudienceChoices {
    private final List<AudienceConfig> audiences;

    AudienceChoices(List<AudienceConfig> audiences) {
        this.audiences = List.copyOf(audiences);
    }

    /** Audiences whose id or label contains {@code typed}, as "Label (id)" → id; at most 25. */
    List<Command.Choice> choices(String typed) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return audiences.stream()
                .filter(a -> a.id().toLowerCase(Locale.ROOT).contains(needle) || a.label().toLowerCase(Locale.ROOT).contains(needle))
                .limit(25)
                .map(a -> new Command.Choice(a.label() + " (" + a.id() + ")", a.id()))
                .toList();
    }

    AudienceConfig resolve(String typed) throws UserError {
        String value = typed == null ? "" : typed.strip();
        for (AudienceConfig a : audiences) {
            if (a.id().equalsIgnoreCase(value) || a.label().equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new UserError("Unknown audience '" + value + "'. Pick one of: "
                + audiences.stream().map(AudienceConfig::id).collect(Collectors.joining(", ")) + ".");
    }
}
