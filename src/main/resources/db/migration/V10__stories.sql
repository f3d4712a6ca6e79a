-- tldr-bot schema, version 10: stories (SPEC §5.5, §6.2a). Same conventions as V1.

-- The story an article belongs to: the id of the story's first article (io.github.tldrbot.story).
-- NULL for articles stored before this version and, for a moment, for one just inserted; such an
-- article counts as a story of its own.
ALTER TABLE articles ADD COLUMN story_id BIGINT;
CREATE INDEX articles_story ON articles (story_id);

-- An edit of a story card already posted in the channel: the delivery whose message it edits.
-- NULL for a delivery that posts a new message.
ALTER TABLE deliveries ADD COLUMN edit_of BIGINT REFERENCES deliveries (id) ON DELETE CASCADE;

-- One card per story per channel: the delivery that posts it, how often it was edited since, and
-- whether a moderator deleted the message (then it is neither edited nor posted again).
CREATE TABLE story_posts (
    channel_id  BIGINT  NOT NULL,
    story_id    BIGINT  NOT NULL,
    delivery_id BIGINT  NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    edits       INTEGER NOT NULL DEFAULT 0,
    deleted     BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (channel_id, story_id)
);
CREATE INDEX story_posts_delivery ON story_posts (delivery_id);
