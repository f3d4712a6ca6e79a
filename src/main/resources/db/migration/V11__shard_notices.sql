-- tldr-bot schema, version 11: disabled-feed notices per subscription (SPEC §6.4, §13). Same
-- conventions as V1.

-- With several processes each serving the guilds of its own Discord shards, a disabled feed is
-- announced by each process in its own guilds: which subscriptions were told is kept per row.
-- feeds.disabled_announced now means "every subscriber was told".
ALTER TABLE subscriptions ADD COLUMN feed_disabled_announced BOOLEAN NOT NULL DEFAULT FALSE;
