-- tldr-bot schema, version 4: scheduled recaps (SPEC §8.2). Same conventions as V1 (portable SQL,
-- ${id_pk}, epoch-millisecond BIGINTs). Quartz keeps its triggers in memory; this table is what
-- they are rebuilt from at every start.
-- Rows made by /recap-schedule have time_utc ('HH:MM') and, for weekly ones, weekday ('mon'..'sun');
-- the cron is built from them. Rows from the config's recaps: entries carry only their cron.
-- guild_id is NULL for a config entry whose channel the bot could not see at start.
CREATE TABLE recap_schedules (
    id          ${id_pk},
    guild_id    BIGINT,
    channel_id  BIGINT      NOT NULL,
    period      VARCHAR(8)  NOT NULL CHECK (period IN ('day', 'week', 'month')),
    audience    VARCHAR(64),
    time_utc    VARCHAR(5),
    weekday     VARCHAR(3),
    cron        TEXT        NOT NULL,
    source      VARCHAR(16) NOT NULL CHECK (source IN ('command', 'config')),
    created_at  BIGINT      NOT NULL,
    last_run_at BIGINT
);

CREATE INDEX recap_schedules_guild ON recap_schedules (guild_id);
