-- What a completed fit reports besides its results (e.g. a spline fitted with fewer df than asked because its
-- quantile knots coincided): a JSON array of one-line messages.
ALTER TABLE models ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
