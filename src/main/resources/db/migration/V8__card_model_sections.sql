-- The §5.1 fields a card gained with model cards (issue 9): the hook line, the grounded sections of
-- the model summarizer and the dated timeline, so the delivery worker posts the card as it was written.
-- Portable SQL; one column per statement (SQLite's ALTER TABLE adds one at a time). The timeline is
-- JSON text, [{"date": "YYYY-MM-DD", "text": "...", "link": "..." or null}, ...], oldest first.
ALTER TABLE cards ADD COLUMN hook TEXT;
ALTER TABLE cards ADD COLUMN deep_insight TEXT;
ALTER TABLE cards ADD COLUMN technical_deep_dive TEXT;
ALTER TABLE cards ADD COLUMN future_implications TEXT;
ALTER TABLE cards ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]';
