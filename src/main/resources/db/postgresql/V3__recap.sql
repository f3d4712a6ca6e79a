-- tldr-bot schema, version 3 on PostgreSQL: what /recap and /audiences need (SPEC §8.1).
-- The SQLite variant is db/sqlite/V3__recap.sql; only the full-text part differs, the three index
-- statements at the end are the same in both.
--
-- Full-text search over article title + summary for /recap topic:. A generated tsvector column with
-- a GIN index; RecapStore searches it with "search_vector @@ plainto_tsquery('english', ?)"
-- (io.github.tldrbot.store.TopicSearch). The 'english' configuration stems like SQLite's porter
-- tokenizer ("vulnerabilities" finds "vulnerability") and drops English stop words; unlike FTS5's
-- remove_diacritics it keeps accents (folding them needs the unaccent extension). The feed is an
-- ordinary condition here, so there is no search_feed column.
ALTER TABLE articles ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, ''))) STORED;
CREATE INDEX articles_search ON articles USING GIN (search_vector);

-- The recap scan walks the period newest first and checks the feed from the index alone. It
-- replaces V1's articles_first_seen, whose every use (retention pruning) it also serves.
CREATE INDEX articles_first_seen_feed ON articles (first_seen_at, feed_id);
DROP INDEX articles_first_seen;

-- "Which feeds does this guild follow": the first step of every recap and of /audiences.
CREATE INDEX subscriptions_guild_feed ON subscriptions (guild_id, feed_id);
