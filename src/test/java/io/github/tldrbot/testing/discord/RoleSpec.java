package io.github.tldrbot.testing.discord;

/**
 * A role of a stand-in guild (besides @everyone, whose id is the guild id).
 *
 * @param id          role snowflake
 * @param name        role name (what a mention resolves to)
 * @param position    hierarchy position (@everyone is 0)
 * @param permissions raw permission bits
 */
public record RoleSpec(long id, String name, int position, long permissions) {
}
