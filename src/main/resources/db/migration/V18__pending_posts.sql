-- tldr-bot schema, version 18: "chosen for posting, card not yet at the sink" moves from a state on
-- the article's row to a narrow table of its own (SPEC §6.2: a crash in between is repaired at start).
-- Marking the row 'pending' and then 'done' rewrote every posted article's row twice; on PostgreSQL
-- each rewrite re-indexes the whole row, its full-text (GIN) entries included, which was a large
-- share of the server's work per poll. Now the row is written once, with post_state 'done' ("chosen
-- for posting") or NULL (never chosen: seeded, too old, over the flood guard), and the article has a
-- pending_posts row from the transaction that stores it until its card reached the sink. post_state
-- 'pending' is no longer written.
CREATE TABLE pending_posts (
    article_id BIGINT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

INSERT INTO pending_posts (article_id) SELECT id FROM articles WHERE post_state = 'pending';
UPDATE articles SET post_state = 'done' WHERE post_state = 'pending';
DROP INDEX articles_post_pending;
