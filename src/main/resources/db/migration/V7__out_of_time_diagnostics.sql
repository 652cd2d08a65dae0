-- A completed model's diagnostics on another dataset of its project (out-of-time validation: a later year scored
-- with the stored model), computed on request and kept so that reopening the model never recomputes them.
-- diagnostics_json holds the same figures as one part of models.diagnostics_json.
CREATE TABLE out_of_time_diagnostics (
    model_id         TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    dataset_id       TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    dataset_name     TEXT NOT NULL,
    computed_at      INTEGER NOT NULL,
    diagnostics_json TEXT NOT NULL,
    PRIMARY KEY (model_id, dataset_id)
);
