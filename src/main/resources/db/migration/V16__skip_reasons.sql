-- tldr-bot schema, version 16: why an article was not posted (SPEC §6.5, /feed why) and moderator
-- pauses (/feed pause, /feed resume). Same conventions as V1.

-- The decisions not to post that cannot be read back from other rows: a subscription's filter
-- (audience / include / exclude, with the term or audience), a paused subscription, the flood guard.
-- Seeding and "older than maxArticleAge" are NOT stored (seeding writes ~20 articles per feed, and a
-- farm has thousands of feeds): they follow from articles.post_state, the article's dates and the
-- subscription's created_at. Story merges and failed sends are in deliveries (edit_of, last_error).
-- subscription_id NULL: a decision for every subscription of the article's feed (the flood guard).
-- reason is not CHECKed so a new kind of reason needs no table rebuild on SQLite; the code that
-- reads it treats an unknown one as "skipped" with its detail.
CREATE TABLE post_skips (
    id              ${id_pk},
    article_id      BIGINT      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    subscription_id BIGINT      REFERENCES subscriptions (id) ON DELETE CASCADE,
    reason          VARCHAR(16) NOT NULL,
    detail          TEXT,
    created_at      BIGINT      NOT NULL
);
-- /feed why reads an article's rows; pruning an article cascades through this index.
CREATE UNIQUE INDEX post_skips_article ON post_skips (article_id, subscription_id);
-- /feed resume catch-up:true reads a subscription's "paused" rows; removing a subscription cascades.
CREATE INDEX post_skips_subscription ON post_skips (subscription_id, reason, article_id);

-- A subscription a moderator paused (status 'paused' in subscriptions): who and since when. Such a
-- pause is never probed or lifted by the delivery worker, unlike the 403/404 pause of SPEC §6.4.
CREATE TABLE moderator_pauses (
    subscription_id BIGINT NOT NULL PRIMARY KEY REFERENCES subscriptions (id) ON DELETE CASCADE,
    moderator_id    BIGINT NOT NULL,
    paused_at       BIGINT NOT NULL
);
