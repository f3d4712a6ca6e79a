-- Cards written by a model summarizer, keyed by the hash of the article content sent and the
-- summarizer label (openai:<model>): a restart or the same story in a second feed never pays twice.
-- Portable SQL: a text key, the card as JSON text, epoch-millisecond BIGINTs.
CREATE TABLE card_cache (
    content_hash VARCHAR(64)  NOT NULL,
    summarizer   VARCHAR(200) NOT NULL,
    card_json    TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (content_hash, summarizer)
);
CREATE INDEX card_cache_created ON card_cache (created_at);
