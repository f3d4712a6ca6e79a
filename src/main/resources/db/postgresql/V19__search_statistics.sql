-- tldr-bot schema, version 19, PostgreSQL only (SQLite's full-text index needs no statistics).
--
-- /recap topic:X with a rare word: PostgreSQL estimates how many articles hold a word from the most
-- common words it sampled for search_vector; a word outside that list is assumed to be about as
-- common as the rarest word in it. With the default sample (100) that was ~5,000 matches at a
-- million articles for a word held by ~1,000, and the planner then ANDed the word's GIN bitmap with
-- a bitmap of every article of the month (~330,000 entries): 55 ms where reading the word's rows
-- alone takes 4 ms. A sample ten times larger puts the guess near the truth; planning takes 1-3 ms
-- more and the plans of common words do not change.
ALTER TABLE articles ALTER COLUMN search_vector SET STATISTICS 1000;
ANALYZE articles (search_vector);
