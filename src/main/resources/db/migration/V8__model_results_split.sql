-- A model's row kept its results too (about 400 kB for the sample portfolio: 380 kB of diagnostics, an 11 kB
-- serialised model, the summary, the coefficient and relativity tables and the generated code). SQLite stores a
-- row's columns in order, so reading any column after those (the metrics, the author) walked every one of their
-- overflow pages: History's 200 lines read 80 MB. The models table now holds what a History line or a project
-- shows (spec, status, error, metrics, times, author); the results are in their own tables, one per reader: what
-- the results view shows, the serialised model (scoring, rating tables, validation) and the stored diagnostics.
-- Every value moves unchanged; a model has a row in a results table only where it had a value there.
CREATE TABLE model_results (
    model_id          TEXT PRIMARY KEY REFERENCES models (id) ON DELETE CASCADE,
    summary_text      TEXT,
    coef_table_json   TEXT,
    relativities_json TEXT,
    trace_json        TEXT,
    stage_timings     TEXT,
    warnings          TEXT NOT NULL DEFAULT '[]',
    generated_code    TEXT,
    generated_python  TEXT
);

CREATE TABLE model_fits (
    model_id    TEXT PRIMARY KEY REFERENCES models (id) ON DELETE CASCADE,
    model_bytes BLOB NOT NULL
);

CREATE TABLE model_diagnostics (
    model_id         TEXT PRIMARY KEY REFERENCES models (id) ON DELETE CASCADE,
    diagnostics_json TEXT NOT NULL
);

INSERT INTO model_results (model_id, summary_text, coef_table_json, relativities_json, trace_json, stage_timings,
                           warnings, generated_code, generated_python)
SELECT id, summary_text, coef_table_json, relativities_json, trace_json, stage_timings, warnings, generated_code,
       generated_python
FROM models
WHERE summary_text IS NOT NULL OR coef_table_json IS NOT NULL OR relativities_json IS NOT NULL
   OR trace_json IS NOT NULL OR stage_timings IS NOT NULL OR warnings <> '[]' OR generated_code IS NOT NULL
   OR generated_python IS NOT NULL;

INSERT INTO model_fits (model_id, model_bytes) SELECT id, model_bytes FROM models WHERE model_bytes IS NOT NULL;

INSERT INTO model_diagnostics (model_id, diagnostics_json)
SELECT id, diagnostics_json FROM models WHERE diagnostics_json IS NOT NULL;

ALTER TABLE models DROP COLUMN summary_text;
ALTER TABLE models DROP COLUMN coef_table_json;
ALTER TABLE models DROP COLUMN relativities_json;
ALTER TABLE models DROP COLUMN diagnostics_json;
ALTER TABLE models DROP COLUMN model_bytes;
ALTER TABLE models DROP COLUMN generated_code;
ALTER TABLE models DROP COLUMN generated_python;
ALTER TABLE models DROP COLUMN trace_json;
ALTER TABLE models DROP COLUMN stage_timings;
ALTER TABLE models DROP COLUMN warnings;
