-- Each signing key names the key it succeeds ('none' for the first), at most once: when
-- several instances find a new key due at the same moment, one introduces it and the
-- others read it, so that all instances sign with the same key. Keys from before this
-- migration name none (NULL, which the unique index allows any number of times), so that
-- the newest of them can still be succeeded.
ALTER TABLE signing_keys ADD COLUMN replaces VARCHAR(64);
CREATE UNIQUE INDEX uq_signing_keys_replaces ON signing_keys (replaces);
