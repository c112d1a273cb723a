-- Bulk enrolments from an organisation's LMS, keyed by the LMS's own id for each row: sending the same row again
-- (a retry after a timeout) finds it here and enrols nobody twice. Owned state, kept across a read-model rebuild.
CREATE TABLE integration_enrolment (
    org_id       TEXT        NOT NULL,
    external_id  TEXT        NOT NULL,
    learner_id   TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    due_date     DATE        NOT NULL,
    client_id    TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, external_id)
);

-- Webhooks an organisation's admin registered: where to POST which events, and the secret that signs them.
CREATE TABLE webhook (
    id           UUID        PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    url          TEXT        NOT NULL,
    -- HMAC-SHA256 key; kept readable because every delivery is signed with it. Shown to the admin once.
    secret       TEXT        NOT NULL,
    events       TEXT[]      NOT NULL,
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    description  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_org ON webhook (org_id, created_at);

-- The webhook outbox and delivery log: one row per webhook and event, written in the transaction of the change
-- that caused the event; WebhookSender posts it. The unique (webhook, event) pair means a replayed event enqueues
-- nothing new, so an acknowledged delivery is never sent again.
CREATE TABLE webhook_delivery (
    id               BIGSERIAL   PRIMARY KEY,
    webhook_id       UUID        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    org_id           TEXT        NOT NULL,
    event_id         UUID        NOT NULL,
    event_type       TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_attempt_at  TIMESTAMPTZ,
    last_status      INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    UNIQUE (webhook_id, event_id)
);
-- The sender's scan: only pending rows that are due.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
-- The admin's delivery log of one webhook, newest first.
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, id DESC);
