-- tldr-bot schema, version 17: WebSub subscriptions (SPEC §4.3, W3C WebSub). Same conventions as V1.

-- One row per feed that advertises a hub, while this bot subscribes (or tries to) at that hub.
-- The callback id is the unguessable last segment of the callback URL (<publicUrl>/websub/<id>):
-- any process serving server.port finds the secret and the feed from it. feed_id becomes NULL when
-- the feed is deleted (nobody subscribes any more): the row then stays until the hub has been told
-- to unsubscribe.
CREATE TABLE websub_subscriptions (
    id            ${id_pk},
    feed_id       BIGINT       REFERENCES feeds (id) ON DELETE SET NULL,
    callback_id   VARCHAR(64)  NOT NULL UNIQUE,
    hub_url       TEXT         NOT NULL,
    topic_url     TEXT         NOT NULL,
    secret        VARCHAR(128) NOT NULL,
    -- requested (waiting for the hub's verification) | active | denied | failed | unsubscribing
    state         VARCHAR(16)  NOT NULL,
    lease_seconds BIGINT,                 -- as granted in the verification
    expires_at    BIGINT,                 -- verified_at + lease_seconds
    requested_at  BIGINT,
    verified_at   BIGINT,
    due_at        BIGINT       NOT NULL,  -- when the maintenance pass acts next (renew, retry, give up waiting)
    claimed_until BIGINT,                 -- a process acting on the row now (several processes share the store)
    attempts      INTEGER      NOT NULL DEFAULT 0,  -- failed requests in a row
    last_error    TEXT,
    created_at    BIGINT       NOT NULL
);

CREATE UNIQUE INDEX websub_subscriptions_feed ON websub_subscriptions (feed_id);
CREATE INDEX websub_subscriptions_due ON websub_subscriptions (due_at);
