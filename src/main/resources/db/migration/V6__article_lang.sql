-- The article's language (ISO 639-1, e.g. en, de), detected from its title and text (SPEC §4.2);
-- null when the text was too short or too mixed to tell, and for articles stored before this column.
-- Portable SQL: a plain nullable column, no index (nothing selects by language yet).
ALTER TABLE articles ADD COLUMN lang VARCHAR(8);
