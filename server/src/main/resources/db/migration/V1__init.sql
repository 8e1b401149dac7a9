-- Users: one row per person per mini program. Times are UTC.
CREATE TABLE users (
    id            VARCHAR(36)  NOT NULL,
    appid         VARCHAR(32)  NOT NULL,
    openid        VARCHAR(64)  NOT NULL,
    unionid       VARCHAR(64),
    nick_name     VARCHAR(64),
    avatar_url    VARCHAR(512),
    signature     VARCHAR(64),
    session_key   VARCHAR(255),
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    last_login_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uk_users_appid_openid UNIQUE (appid, openid)
);

CREATE INDEX ix_users_unionid ON users (unionid);

-- Keys that sign access tokens, as JSON Web Keys. The newest one signs.
CREATE TABLE signing_keys (
    kid        VARCHAR(64)   NOT NULL,
    jwk        VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP     NOT NULL,
    CONSTRAINT pk_signing_keys PRIMARY KEY (kid)
);
