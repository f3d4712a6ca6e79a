-- tldr-bot schema, version 14, SQLite only (PostgreSQL has no V14: it needs no id floor).
-- Kept apart from V13, which had already shipped, so stores that applied V13 keep their checksum.
--
-- The topic search's id floor (TopicBounds): FTS5 walks matches from the newest article id down to
-- the lowest id first seen in the period. For a guild of many feeds, finding that id read every
-- entry of the period in the time index (333,000 for a month at a million articles, as long as a
-- bare count of the month). This table keeps the lowest id first seen on each UTC day, so the
-- floor is one look-up of a few rows: the lowest id first seen on or after the period's first day,
-- never above the period's own lowest id. Rows only ever lower (a pruned article leaves its day's
-- floor lower than needed, which is still correct). PostgreSQL has no id floor and no such table.
CREATE TABLE article_days (
    day    BIGINT NOT NULL PRIMARY KEY,
    min_id BIGINT NOT NULL
);

INSERT INTO article_days (day, min_id)
SELECT first_seen_at / 86400000, min(id) FROM articles GROUP BY first_seen_at / 86400000;

CREATE TRIGGER articles_day_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_days (day, min_id) VALUES (new.first_seen_at / 86400000, new.id)
    ON CONFLICT (day) DO UPDATE SET min_id = min(min_id, excluded.min_id);
END;

CREATE TRIGGER articles_day_update AFTER UPDATE OF first_seen_at ON articles BEGIN
    INSERT INTO article_days (day, min_id) VALUES (new.first_seen_at / 86400000, new.id)
    ON CONFLICT (day) DO UPDATE SET min_id = min(min_id, excluded.min_id);
END;
