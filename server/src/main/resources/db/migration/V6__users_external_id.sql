-- The id a user had in the backend they were imported from (its old primary key or
-- numeric id), so that the business backend's foreign keys keep working. NULL for users
-- who were never imported. Within an app it names one user at most; NULLs do not count.
ALTER TABLE users ADD COLUMN external_id VARCHAR(64);
CREATE UNIQUE INDEX uq_users_appid_external_id ON users (appid, external_id);
