-- Account lifecycle: a user is active, banned (until a time, or for good when
-- status_until is NULL), deletion_pending (locked until status_until, when the deletion
-- runs) or deleted (erased; openid and unionid replaced by keyed tombstones). Times are UTC.
ALTER TABLE users ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL;
ALTER TABLE users ADD COLUMN status_until TIMESTAMP NULL;
ALTER TABLE users ADD COLUMN status_reason VARCHAR(200) NULL;
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP NULL;

-- the grace-period job finds the deletions that are due
CREATE INDEX ix_users_status ON users (status, status_until);
