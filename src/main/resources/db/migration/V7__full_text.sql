-- tldr-bot schema, version 7: the full text of teaser feeds' articles (issue 9).
-- Same conventions as V1 (portable SQL, epoch-millisecond BIGINTs, lists as JSON text).

-- Per subscription: whether article pages are read for their full text (auto | always | never).
-- A feed is fetched once for all its subscriptions, so their settings combine per feed
-- (io.github.tldrbot.config.FullTextMode#combine).
ALTER TABLE subscriptions ADD COLUMN full_text VARCHAR(8) NOT NULL DEFAULT 'auto'
    CHECK (full_text IN ('auto', 'always', 'never'));

-- What reading an article's web page gave, by article URL, so a page is fetched at most once:
-- its main text and links (found = TRUE), or why there is none (found = FALSE, reason).
-- Keyed by the SHA-256 of the URL: a B-tree key has a size limit in PostgreSQL, URLs do not.
-- Pruned with the article retention.
CREATE TABLE page_texts (
    url_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    url        TEXT        NOT NULL,
    found      BOOLEAN     NOT NULL,
    body_text  TEXT,
    links      TEXT        NOT NULL DEFAULT '[]',
    reason     TEXT,
    fetched_at BIGINT      NOT NULL
);
CREATE INDEX page_texts_fetched ON page_texts (fetched_at);
