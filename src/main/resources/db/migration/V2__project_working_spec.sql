-- The spec a user is editing in a project, kept between visits and restarts: the same JSON document a model
-- stores as its spec snapshot. NULL until the spec is first edited (or for projects made before this version).
ALTER TABLE projects ADD COLUMN working_spec TEXT;
