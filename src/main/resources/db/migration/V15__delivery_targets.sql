-- tldr-bot schema, version 15: where cards go (SPEC §6.5). Same conventions as V1 (portable SQL,
-- epoch-millisecond BIGINTs).

-- Per subscription: whether each card starts a discussion thread (text channels only), and the
-- name and avatar URL its cards are posted with through the channel's webhook (NULL name: posted
-- by the bot itself). The channel's kind (text, announcement, forum) is Discord's, read at send time.
ALTER TABLE subscriptions ADD COLUMN thread BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE subscriptions ADD COLUMN webhook_name VARCHAR(80);
ALTER TABLE subscriptions ADD COLUMN webhook_avatar TEXT;

-- The one webhook the bot created in a channel, reused by every subscription posting there through
-- a webhook. The token is a secret: it is never logged or shown.
CREATE TABLE channel_webhooks (
    channel_id BIGINT NOT NULL PRIMARY KEY,
    webhook_id BIGINT NOT NULL,
    token      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
