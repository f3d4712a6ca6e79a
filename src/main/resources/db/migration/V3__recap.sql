-- tldr-bot schema, version 3: what /recap and /audiences need (SPEC §8.1).
--
-- Full-text search over article title + summary for /recap topic:. This block is SQLite-specific
-- (FTS5 is compiled into sqlite-jdbc); PostgreSQL (a later issue, SPEC §9) will instead add a
-- generated tsvector column on articles with a GIN index, and RecapStore's topic clause becomes
-- "to_tsvector(...) @@ plainto_tsquery(?)"; the rest of this file is portable.
--
-- External-content FTS5: the index stores only tokens, the text stays in articles; the triggers
-- keep it in step with inserts, retention deletes and (rare) title/summary edits. The porter
-- stemmer lets "vulnerabilities" find "vulnerability".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;

-- The recap scan walks the period newest first and checks the feed from the index alone (no table
-- lookup for articles of feeds the guild does not follow). It replaces V1's articles_first_seen,
-- whose every use (retention pruning) it also serves.
CREATE INDEX articles_first_seen_feed ON articles (first_seen_at, feed_id);
DROP INDEX articles_first_seen;

-- "Which feeds does this guild follow": the first step of every recap and of /audiences.
CREATE INDEX subscriptions_guild_feed ON subscriptions (guild_id, feed_id);
