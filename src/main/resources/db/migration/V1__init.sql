-- tldr-bot schema, version 1: feeds, articles, cards.
-- Portable SQL (SQLite >= 3.35 and PostgreSQL); the few dialect spellings are Flyway placeholders
-- filled in by io.github.tldrbot.store.SqlDialect (${id_pk}: auto-increment BIGINT primary key).
-- Instants are epoch milliseconds (BIGINT); lists are JSON text.
-- Child tables reference their parent ON DELETE CASCADE, so pruning an article removes its card and
-- (when that table comes) its deliveries in the same statement.

CREATE TABLE feeds (
    id                   ${id_pk},
    url                  TEXT        NOT NULL UNIQUE,
    title                TEXT,
    site_link            TEXT,
    etag                 TEXT,
    last_modified        TEXT,
    status               VARCHAR(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    disabled_reason      TEXT,
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    last_error           TEXT,
    failing_since        BIGINT,
    last_polled_at       BIGINT,
    last_success_at      BIGINT,
    next_poll_at         BIGINT      NOT NULL,
    lease_until          BIGINT,
    seeded               BOOLEAN     NOT NULL DEFAULT FALSE,
    poll_interval_ms     BIGINT      NOT NULL,
    created_at           BIGINT      NOT NULL
);

-- The dispatcher's claim: active feeds ordered by due time.
CREATE INDEX feeds_due ON feeds (status, next_poll_at);

CREATE TABLE articles (
    id            ${id_pk},
    feed_id       BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    identity      TEXT   NOT NULL,
    guid          TEXT,
    title         TEXT,
    link          TEXT,
    published_at  BIGINT,
    updated_at    BIGINT,
    author        TEXT,
    categories    TEXT   NOT NULL DEFAULT '[]',
    summary       TEXT,
    image         TEXT,
    first_seen_at BIGINT NOT NULL,
    UNIQUE (feed_id, identity)
);

-- Retention pruning and recaps select by first_seen_at; recaps usually also by feed.
CREATE INDEX articles_first_seen ON articles (first_seen_at);
CREATE INDEX articles_feed_first_seen ON articles (feed_id, first_seen_at);

CREATE TABLE cards (
    article_id      BIGINT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    tldr            TEXT,
    what_changed    TEXT,
    why_it_matters  TEXT,
    what_to_do_next TEXT,
    key_takeaways   TEXT   NOT NULL DEFAULT '[]',
    summarizer      TEXT   NOT NULL,
    created_at      BIGINT NOT NULL
);

-- "Who should care", one row per audience so /recap audience:X is an indexed join.
-- The label is kept as written on the card, so a card reads the same after the config changes.
CREATE TABLE article_audiences (
    article_id  BIGINT      NOT NULL REFERENCES cards (article_id) ON DELETE CASCADE,
    audience_id VARCHAR(64) NOT NULL,
    label       TEXT        NOT NULL,
    rank        INTEGER     NOT NULL,
    PRIMARY KEY (article_id, audience_id)
);

CREATE INDEX article_audiences_audience ON article_audiences (audience_id, article_id);
