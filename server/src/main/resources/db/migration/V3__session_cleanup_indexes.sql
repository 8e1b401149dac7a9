-- The hourly cleanup finds expired refresh tokens and sessions by their expiry, and the
-- count of active sessions (the miniauth.sessions.active gauge, read at every scrape) is
-- answered from an index rather than by reading every session.
CREATE INDEX ix_refresh_tokens_expires ON refresh_tokens (expires_at);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
CREATE INDEX ix_sessions_active ON sessions (revoked_at, expires_at);
