-- Notifications: channels (where a message goes), rules (which events go there) and deliveries
-- (one message to one channel) with every attempt to send it.
-- Sealed columns hold 'v1:' + base64(nonce || AES-256-GCM ciphertext || tag), as credentials do:
-- the signing secret or SMTP password, and the address of the HTTP channels (DingTalk's and WeCom's
-- carry their access key in it).

CREATE TABLE notification_channels (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)   NOT NULL,
    channel_type  VARCHAR(16)   NOT NULL,
    language      VARCHAR(8)    NOT NULL,
    enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
    url_sealed    TEXT,
    -- What can be shown of the address: scheme, host and a masked rest.
    url_masked    VARCHAR(255),
    secret_sealed TEXT,
    smtp_host     VARCHAR(255),
    smtp_port     INT,
    smtp_username VARCHAR(255),
    smtp_from     VARCHAR(255),
    smtp_to       VARCHAR(2000),
    smtp_starttls BOOLEAN,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    DATETIME(6),
    updated_by    VARCHAR(64),
    CONSTRAINT uk_notification_channels_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rule without a job is global. Events: comma-separated names (RUN_FAILED,RUN_SUCCEEDED,...).
CREATE TABLE notification_rules (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_id  BIGINT       NOT NULL,
    job_id      BIGINT,
    events      VARCHAR(255) NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_notification_rules_channel FOREIGN KEY (channel_id) REFERENCES notification_channels (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_rules_job ON notification_rules (job_id);

-- One message for one channel. The message is stored as data (JSON) and written in the channel's
-- language when it is sent. PENDING until sent or out of attempts; next_attempt_at says when the
-- next try is due; a sender claims a due delivery by moving claimed_until forward (version guards it).
CREATE TABLE notification_deliveries (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_id      BIGINT       NOT NULL,
    event           VARCHAR(32)  NOT NULL,
    run_id          BIGINT,
    node_id         BIGINT,
    message         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    claimed_until   DATETIME(6),
    version         INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6),
    CONSTRAINT fk_notification_deliveries_channel FOREIGN KEY (channel_id) REFERENCES notification_channels (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (status, next_attempt_at);

-- Every try to send a delivery: what the service answered, or why it could not be reached.
CREATE TABLE notification_attempts (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    delivery_id   BIGINT        NOT NULL,
    attempt       INT           NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    response_code INT,
    error         VARCHAR(1000),
    duration_ms   BIGINT        NOT NULL,
    attempted_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_notification_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES notification_deliveries (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_attempts_delivery ON notification_attempts (delivery_id, attempt);
