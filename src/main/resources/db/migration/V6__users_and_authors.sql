-- Who may log in when Atelier is bound beyond loopback, and who made what. Passwords are stored as Spring
-- Security's delegating encoder writes them ("{bcrypt}$2a$..."), so the encoder can change without a migration.
CREATE TABLE users (
    username      TEXT PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('ADMIN', 'USER')),
    enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at    INTEGER NOT NULL
);

-- The user who created the row (the OS user name when Atelier runs without login); NULL for rows made before
-- authors were recorded, which only an administrator may then cancel or delete.
ALTER TABLE projects ADD COLUMN author TEXT;
ALTER TABLE datasets ADD COLUMN author TEXT;
ALTER TABLE models ADD COLUMN author TEXT;
