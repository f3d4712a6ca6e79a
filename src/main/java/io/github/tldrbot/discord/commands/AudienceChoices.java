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

    /** Audiences whose id or label contains {@code typed}, as "Label (id)" → id; at most 25, names ≤ 100 chars. */
    List<Command.Choice> choices(String typed) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return audiences.stream()
                .filter(a -> a.id().toLowerCase(Locale.ROOT).contains(needle) || a.label().toLowerCase(Locale.ROOT).contains(needle))
                .limit(25)
                .map(a -> new Command.Choice(fit(a.label() + " (" + a.id() + ")"), a.id()))
                .toList();
    }

    /** The audience id for an optional option: null when blank, else as {@link #resolve}. */
    String idOrNull(String typed) throws UserError {
        return typed == null || typed.isBlank() ? null : resolve(typed).id();
    }

    /** Discord's limit on a choice name. */
    static String fit(String name) {
        return name.length() <= 100 ? name : name.substring(0, 99) + "…";
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
