package io.github.tldrbot.usecase;

import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.store.Database;
import java.util.Optional;

/**
 * Which role the cards for an audience mention in a guild ({@code /audience-role set|clear}, SPEC
 * §5.4). Whether a role may be used at all (not @everyone, not managed by an integration) is a
 * Discord fact the command checks before it calls this.
 */
public final class AssignAudienceRole {
    private final Database database;
    private final AudienceRoleStore roles;

    public AssignAudienceRole(Database database, AudienceRoleStore roles) {
        this.database = database;
        this.roles = roles;
    }

    /** Sets the role; returns the one it replaces, if any (read and written in one transaction). */
    public Optional<Long> set(long guildId, String audienceId, long roleId) {
        return database.transaction(() -> {
            Optional<Long> previous = Optional.ofNullable(roles.listForGuild(guildId).get(audienceId));
            roles.set(guildId, audienceId, roleId);
            return previous;
        });
    }

    /** Stops mentioning a role for the audience; false when none was set. */
    public boolean clear(long guildId, String audienceId) {
        return roles.clear(guildId, audienceId);
    }
}
