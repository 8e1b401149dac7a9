-- Webhook events: the transactional outbox. A row is written in the transaction of the
-- change it tells of, so a rolled-back change tells nothing and a committed one is never
-- forgotten. The payload is the JSON body sent, without secrets.
CREATE TABLE webhook_events (
    id          VARCHAR(36)   NOT NULL,
    type        VARCHAR(32)   NOT NULL,
    appid       VARCHAR(32)   NOT NULL,
    user_id     VARCHAR(36)   NOT NULL,
    occurred_at DATETIME(6)    NOT NULL,
    payload     VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_webhook_events PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_webhook_events_occurred ON webhook_events (occurred_at);

-- One delivery of an event to one endpoint, and its log: attempts, the last answer and
-- error. A PENDING row is due at next_attempt_at; an instance claims it (SKIP LOCKED) by
-- moving next_attempt_at past its lease, so that another instance takes it over only if
-- the first died. The id orders a user's deliveries per endpoint.
CREATE TABLE webhook_deliveries (
    id              BIGINT NOT NULL AUTO_INCREMENT,
    event_id        VARCHAR(36)  NOT NULL,
    endpoint        VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(36)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_attempt_at DATETIME(6),
    last_status     INT,
    last_latency_ms BIGINT,
    last_error      VARCHAR(255),
    CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id),
    CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (event_id) REFERENCES webhook_events (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_user ON webhook_deliveries (endpoint, user_id, status);
CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (event_id);
