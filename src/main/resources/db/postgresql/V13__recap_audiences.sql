-- tldr-bot schema, version 13 on PostgreSQL: /recap audience:X without checking every article of
-- the period. The SQLite variant is db/sqlite/V13__recap_audiences.sql; only the triggers differ.
--
-- Each audience row carries its article's feed and first-seen time, so a recap for one audience
-- reads that audience's rows of the period from an index (RecapSql) instead of walking all the
-- period's articles and looking the audience up for each: at a million articles, counting a month
-- of one audience took 0.35-0.8 s that way. The copies are kept by triggers (an audience row takes
-- them from its article when inserted; an article that changes feed or time passes them on), so no
-- writer has to know about them.
ALTER TABLE article_audiences ADD COLUMN feed_id BIGINT;
ALTER TABLE article_audiences ADD COLUMN first_seen_at BIGINT;

UPDATE article_audiences x SET feed_id = a.feed_id, first_seen_at = a.first_seen_at
FROM articles a WHERE a.id = x.article_id;

-- BY_FEED: a range per followed feed; BY_TIME: the period newest first. Both cover the count and
-- the join to articles. They replace V1's (audience_id, article_id), whose use they cover; the
-- primary key (article_id, audience_id) serves the per-article look-ups.
CREATE INDEX article_audiences_feed_time ON article_audiences (audience_id, feed_id, first_seen_at, article_id);
CREATE INDEX article_audiences_time ON article_audiences (audience_id, first_seen_at, article_id, feed_id);
DROP INDEX article_audiences_audience;

CREATE FUNCTION article_audiences_from_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.feed_id, a.first_seen_at INTO NEW.feed_id, NEW.first_seen_at FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_audiences_from_article BEFORE INSERT ON article_audiences
    FOR EACH ROW EXECUTE FUNCTION article_audiences_from_article();

CREATE FUNCTION articles_to_audiences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_audiences SET feed_id = NEW.feed_id, first_seen_at = NEW.first_seen_at
    WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_to_audiences AFTER UPDATE OF feed_id, first_seen_at ON articles
    FOR EACH ROW WHEN (OLD.feed_id IS DISTINCT FROM NEW.feed_id OR OLD.first_seen_at IS DISTINCT FROM NEW.first_seen_at)
    EXECUTE FUNCTION articles_to_audiences();
