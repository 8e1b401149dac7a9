-- MySQL 8 and MariaDB 10.11+: DATETIME(6) in UTC and utf8mb4 with a binary collation, as in V1.
-- Operators: the people who run the service, a realm of their own (never mini program
-- users). Passwords are stored only as adaptive hashes ({bcrypt}...).
CREATE TABLE operators (
    id            VARCHAR(36)  NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_operators PRIMARY KEY (id),
    CONSTRAINT uk_operators_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- API keys for scripts, stored only as SHA-256 hashes; the key is shown once, at creation.
CREATE TABLE operator_api_keys (
    id           VARCHAR(36)  NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    last_used_at DATETIME(6),
    CONSTRAINT pk_operator_api_keys PRIMARY KEY (id),
    CONSTRAINT uk_operator_api_keys_hash UNIQUE (key_hash)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- What operators did: who, what, on which user, from where. No passwords, no keys.
CREATE TABLE operator_events (
    id          VARCHAR(36)  NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    outcome     VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(36),
    detail      VARCHAR(500),
    client_ip   VARCHAR(64),
    CONSTRAINT pk_operator_events PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_operator_events_time ON operator_events (occurred_at, id);

-- The admin user list pages newest first by (created_at, id), and the dashboard counts
-- by time range: each from an index rather than by reading every row.
CREATE INDEX ix_users_created ON users (created_at, id);
CREATE INDEX ix_users_last_login ON users (last_login_at);
CREATE INDEX ix_users_phone ON users (pure_phone_number);
CREATE INDEX ix_auth_events_event_time ON auth_events (event, occurred_at);
