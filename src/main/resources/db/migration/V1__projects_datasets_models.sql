-- Atelier's first schema: the columns of the product specification's data model (§5.1).
-- Timestamps are epoch milliseconds (UTC), as the SQLite driver stores JDBC timestamps; JSON documents are text.
CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE datasets (
    id               TEXT PRIMARY KEY,
    project_id       TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    file_path        TEXT NOT NULL,
    file_format      TEXT NOT NULL CHECK (file_format IN ('csv', 'parquet')),
    n_rows           INTEGER,
    n_cols           INTEGER,
    columns          TEXT,
    warnings         TEXT NOT NULL DEFAULT '[]',
    uploaded_at      INTEGER NOT NULL,
    exploration_json TEXT
);
CREATE INDEX datasets_by_project ON datasets (project_id, uploaded_at);

CREATE TABLE models (
    id                TEXT PRIMARY KEY,
    project_id        TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    dataset_id        TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    name              TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    spec              TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'fitting', 'completed', 'failed', 'cancelled')),
    error_message     TEXT,
    error_type        TEXT,
    error_suggestion  TEXT,
    fit_duration_ms   INTEGER,
    summary_text      TEXT,
    coef_table_json   TEXT,
    relativities_json TEXT,
    diagnostics_json  TEXT,
    deviance          REAL,
    null_deviance     REAL,
    aic               REAL,
    bic               REAL,
    converged         INTEGER,
    iterations        INTEGER,
    n_obs             INTEGER,
    df_model          REAL,
    df_resid          REAL,
    model_bytes       BLOB,
    generated_code    TEXT,
    generated_python  TEXT,
    trace_json        TEXT,
    stage_timings     TEXT,
    started_at        INTEGER,
    finished_at       INTEGER,
    dispersion        REAL,
    theta             REAL,
    UNIQUE (project_id, version)
);
CREATE INDEX models_by_project ON models (project_id, version);
