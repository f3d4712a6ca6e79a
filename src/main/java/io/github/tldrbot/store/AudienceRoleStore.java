package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code audience_roles} table: which role a guild mentions for an audience (SPEC §5.3, §5.4). */
public final class AudienceRoleStore {
    private final Database database;

    public AudienceRoleStore(Database database) {
        this.database = database;
    }

    /** Maps the audience to the role in this guild, replacing an earlier mapping. */
    public void set(long guildId, String audienceId, long roleId) {
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO audience_roles (guild_id, audience_id, role_id) VALUES (?, ?, ?)"
                            + " ON CONFLICT (guild_id, audience_id) DO UPDATE SET role_id = excluded.role_id")) {
                upsert.setLong(1, guildId);
                upsert.setString(2, audienceId);
                upsert.setLong(3, roleId);
                return upsert.executeUpdate();
            }
        });
    }

    /** Removes the guild's role for the audience; true when there was one. */
    public boolean clear(long guildId, String audienceId) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM audience_roles WHERE guild_id = ? AND audience_id = ?")) {
                delete.setLong(1, guildId);
                delete.setString(2, audienceId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** The guild's audience → role mapping, by audience id. */
    public Map<String, Long> listForGuild(long guildId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT audience_id, role_id FROM audience_roles WHERE guild_id = ? ORDER BY audience_id")) {
                select.setLong(1, guildId);
                Map<String, Long> roles = new LinkedHashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        roles.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return roles;
            }
        });
    }
}
