-- A watchlist entry's sex (M, F, X or empty when the list does not say), so `[screening] weights.sex`
-- can weigh it like birth date and nationality: agreement counts for a hit, disagreement against.
ALTER TABLE screening_persons ADD COLUMN sex TEXT NOT NULL DEFAULT '';
