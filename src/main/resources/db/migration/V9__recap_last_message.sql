-- tldr-bot schema, version 9: the message a scheduled recap last posted, so cards can link the
-- guild's latest weekly recap (SPEC §5.4). NULL until the schedule posts once after this version.
ALTER TABLE recap_schedules ADD COLUMN last_message_id BIGINT;
