-- tldr-bot schema, version 13 on SQLite: /recap audience:X without checking every article of the
-- period. The PostgreSQL variant is db/postgresql/V13__recap_audiences.sql; only the triggers differ.
--
-- Each audience row carries its article's feed and first-seen time, so a recap for one audience
-- reads that audience's rows of the period from an index (RecapSql) instead of walking all the
-- period's articles and looking the audience up for each: at a million articles, counting a month
-- of one audience in a guild of 200 feeds checked 33,000 articles. The copies are kept by triggers
-- (an audience row takes them from its article when inserted; an article that changes feed or time
-- passes them on), so no writer has to know about them.
ALTER TABLE article_audiences ADD COLUMN feed_id BIGINT;
ALTER TABLE article_audiences ADD COLUMN first_seen_at BIGINT;

UPDATE article_audiences
SET feed_id = (SELECT a.feed_id FROM articles a WHERE a.id = article_audiences.article_id),
    first_seen_at = (SELECT a.first_seen_at FROM articles a WHERE a.id = article_audiences.article_id);

-- BY_FEED: a range per followed feed; BY_TIME: the period newest first. Both cover the count and
-- the join to articles. They replace V1's (audience_id, article_id), whose use they cover; the
-- primary key (article_id, audience_id) serves the per-article look-ups.
CREATE INDEX article_audiences_feed_time ON article_audiences (audience_id, feed_id, first_seen_at, article_id);
CREATE INDEX article_audiences_time ON article_audiences (audience_id, first_seen_at, article_id, feed_id);
DROP INDEX article_audiences_audience;

CREATE TRIGGER article_audiences_from_article AFTER INSERT ON article_audiences BEGIN
    UPDATE article_audiences
    SET feed_id = (SELECT a.feed_id FROM articles a WHERE a.id = new.article_id),
        first_seen_at = (SELECT a.first_seen_at FROM articles a WHERE a.id = new.article_id)
    WHERE rowid = new.rowid;
END;

CREATE TRIGGER articles_to_audiences AFTER UPDATE OF feed_id, first_seen_at ON articles BEGIN
    UPDATE article_audiences SET feed_id = new.feed_id, first_seen_at = new.first_seen_at
    WHERE article_id = new.id;
END;
