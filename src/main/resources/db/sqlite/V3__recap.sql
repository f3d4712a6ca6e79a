-- tldr-bot schema, version 3: what /recap and /audiences need (SPEC §8.1).
--
-- Full-text search over article title + summary for /recap topic:. This block is SQLite-specific
-- (FTS5 is compiled into sqlite-jdbc); PostgreSQL (a later issue, SPEC §9) will instead add a
-- generated tsvector column on articles with a GIN index, and RecapStore's topic clause becomes
-- "to_tsvector(...) @@ plainto_tsquery(?)" (feed_id is then an ordinary condition, so search_feed
-- goes away); the rest of this file is portable.
--
-- External-content FTS5: the index stores only tokens, the text stays in articles; the triggers
-- keep it in step with inserts, retention deletes and (rare) title/summary edits. The porter
-- stemmer lets "vulnerabilities" find "vulnerability". A third column indexes one token per
-- article naming its feed ("feed42", from a virtual generated column, so 'rebuild' can read it):
-- a topic recap for a guild following few feeds asks FTS5 for "words AND one of these feeds",
-- which it answers by intersecting doclists instead of looking up every match of a common word.
-- Topic words are always searched with the column filter {title summary}.
ALTER TABLE articles ADD COLUMN search_feed TEXT GENERATED ALWAYS AS ('feed' || feed_id) VIRTUAL;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, search_feed,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary, search_feed)
    VALUES (new.id, new.title, new.summary, 'feed' || new.feed_id);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, search_feed)
    VALUES ('delete', old.id, old.title, old.summary, 'feed' || old.feed_id);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, feed_id ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, search_feed)
    VALUES ('delete', old.id, old.title, old.summary, 'feed' || old.feed_id);
    INSERT INTO articles_fts (rowid, title, summary, search_feed)
    VALUES (new.id, new.title, new.summary, 'feed' || new.feed_id);
END;

-- The recap scan walks the period newest first and checks the feed from the index alone (no table
-- lookup for articles of feeds the guild does not follow). It replaces V1's articles_first_seen,
-- whose every use (retention pruning) it also serves.
CREATE INDEX articles_first_seen_feed ON articles (first_seen_at, feed_id);
DROP INDEX articles_first_seen;

-- "Which feeds does this guild follow": the first step of every recap and of /audiences.
CREATE INDEX subscriptions_guild_feed ON subscriptions (guild_id, feed_id);
