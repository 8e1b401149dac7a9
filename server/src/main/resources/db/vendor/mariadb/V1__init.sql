-- MySQL 8 and MariaDB 10.11+ (the same file is under db/vendor/mysql and db/vendor/mariadb).
-- Times are UTC in DATETIME(6): microseconds, no time zone conversion and no 2038 limit
-- (unlike TIMESTAMP). Text is utf8mb4 (emoji nicknames) with a binary collation, so that
-- identifiers such as openids compare case-sensitively, as WeChat issues them.

-- Users: one row per person per mini program. Times are UTC.
CREATE TABLE users (
    id            VARCHAR(36)  NOT NULL,
    appid         VARCHAR(32)  NOT NULL,
    openid        VARCHAR(64)  NOT NULL,
    unionid       VARCHAR(64),
    nick_name     VARCHAR(64),
    avatar_url    VARCHAR(512),
    signature     VARCHAR(64),
    phone_number      VARCHAR(32),
    pure_phone_number VARCHAR(32),
    country_code      VARCHAR(8),
    -- the WeChat session_key, encrypted with the key-encryption key (AES-GCM)
    session_key   VARCHAR(255),
    -- the key before the latest login, to tell data made with it (stale) from forged data
    previous_session_key VARCHAR(255),
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    last_login_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uk_users_appid_openid UNIQUE (appid, openid)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_users_unionid ON users (unionid);

-- Keys that sign access tokens. The private JWK is encrypted with the key-encryption key.
-- The newest key signs; an older key stays in the JWKS until the tokens it signed have expired.
CREATE TABLE signing_keys (
    kid        VARCHAR(64)   NOT NULL,
    jwk        VARCHAR(4000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_signing_keys PRIMARY KEY (kid)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- Sessions: one per login. Access tokens carry the session id (sid); ending a session
-- refuses its access and refresh tokens at once.
CREATE TABLE sessions (
    id             VARCHAR(36)  NOT NULL,
    user_id        VARCHAR(36)  NOT NULL,
    appid          VARCHAR(32)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    last_used_at   DATETIME(6)  NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    revoked_at     DATETIME(6),
    revoked_reason VARCHAR(32),
    client_ip      VARCHAR(64),
    user_agent     VARCHAR(512),
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_sessions_user ON sessions (user_id, revoked_at);

-- Refresh tokens, stored only as SHA-256 hashes. A token is used once; its successor is
-- recorded so that a replay can be told from a race within the reuse interval.
CREATE TABLE refresh_tokens (
    token_hash     VARCHAR(64) NOT NULL,
    session_id     VARCHAR(36) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    used_at        DATETIME(6),
    CONSTRAINT pk_refresh_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id);

-- Authentication events, for the user's "recent activity" and for operators. No secrets,
-- codes or tokens. Pruned after miniauth.audit.retention.
CREATE TABLE auth_events (
    id          VARCHAR(36)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    event       VARCHAR(32)  NOT NULL,
    outcome     VARCHAR(64)  NOT NULL,
    errcode     INTEGER,
    appid       VARCHAR(32),
    user_id     VARCHAR(36),
    session_id  VARCHAR(36),
    client_ip   VARCHAR(64),
    user_agent  VARCHAR(512),
    CONSTRAINT pk_auth_events PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_auth_events_user ON auth_events (user_id, occurred_at);
CREATE INDEX ix_auth_events_time ON auth_events (occurred_at);
