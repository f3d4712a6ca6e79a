-- tldr-bot schema, version 2: subscriptions, the delivery outbox, audience roles, and the flags that
-- make posting crash-safe and announcements happen once. Same conventions as V1 (portable SQL,
-- ${id_pk}, epoch-millisecond BIGINTs, children cascade from their parents).

-- Articles chosen for posting are marked 'pending' in the transaction that inserts them and 'done'
-- once their card reached the sink, so a crash in between is repaired at start-up (SPEC §6.2).
-- NULL: never to be posted (seeded, too old, over the flood guard).
ALTER TABLE articles ADD COLUMN post_state VARCHAR(16) CHECK (post_state IN ('pending', 'done'));
CREATE INDEX articles_post_pending ON articles (feed_id, first_seen_at) WHERE post_state = 'pending';

-- A disabled feed is announced once to each subscribing guild (SPEC §6.4).
ALTER TABLE feeds ADD COLUMN disabled_announced BOOLEAN NOT NULL DEFAULT FALSE;

-- One feed routed to one channel (SPEC §6.1). guild_id is NULL until the Discord side resolves it.
CREATE TABLE subscriptions (
    id               ${id_pk},
    feed_id          BIGINT      NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guild_id         BIGINT,
    channel_id       BIGINT      NOT NULL,
    audience         VARCHAR(64),
    include_filter   TEXT,
    exclude_filter   TEXT,
    status           VARCHAR(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    paused_reason    TEXT,
    paused_announced BOOLEAN     NOT NULL DEFAULT FALSE,
    source           VARCHAR(16) NOT NULL CHECK (source IN ('config', 'command')),
    created_at       BIGINT      NOT NULL,
    UNIQUE (feed_id, channel_id)
);

CREATE INDEX subscriptions_channel ON subscriptions (channel_id);

-- The outbox: a row exists before its message is sent (SPEC §6.2). channel_id repeats the
-- subscription's (which never changes) so the worker's per-channel pick is one indexed range.
CREATE TABLE deliveries (
    id              ${id_pk},
    subscription_id BIGINT      NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    article_id      BIGINT      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    channel_id      BIGINT      NOT NULL,
    status          VARCHAR(16) NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at BIGINT      NOT NULL,
    last_attempt_at BIGINT,
    last_error      TEXT,
    message_id      VARCHAR(32),
    created_at      BIGINT      NOT NULL,
    sent_at         BIGINT,
    UNIQUE (subscription_id, article_id)
);

-- The worker's pick: a channel's due pending rows; also "which channels have due work".
CREATE INDEX deliveries_pick ON deliveries (status, channel_id, next_attempt_at);
CREATE INDEX deliveries_article ON deliveries (article_id);

-- Which role to mention for an audience in a guild (SPEC §5.3, §5.4).
CREATE TABLE audience_roles (
    guild_id    BIGINT      NOT NULL,
    audience_id VARCHAR(64) NOT NULL,
    role_id     BIGINT      NOT NULL,
    PRIMARY KEY (guild_id, audience_id)
);
