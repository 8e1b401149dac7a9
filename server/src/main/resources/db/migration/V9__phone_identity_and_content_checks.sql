-- A person across apps: users linked by phone number share the person_id of the first of
-- them (NULL means the user is their own person, whose id is then the user's id).
ALTER TABLE users ADD COLUMN person_id VARCHAR(36);
-- The profile fields WeChat's content security asked a person to review, comma-separated
-- (NULL when none), and the trace id of the avatar check whose result is still awaited.
ALTER TABLE users ADD COLUMN content_review VARCHAR(64);
ALTER TABLE users ADD COLUMN avatar_check_id VARCHAR(64);
-- A phone number is looked up at every binding, a person at every profile read, and an
-- avatar check when its result is pushed.
CREATE INDEX ix_users_phone_number ON users (phone_number);
CREATE INDEX ix_users_person_id ON users (person_id);
CREATE INDEX ix_users_avatar_check_id ON users (avatar_check_id);
