-- xAPI statements waiting for (or done with) delivery to an organisation's LRS. Written in the same transaction
-- as the projector's effect (no dual write); XapiSender posts them. Owned state: kept when the read model is
-- rebuilt, and the unique statement id (derived from the source event id) makes a replay insert nothing new.
CREATE TABLE xapi_outbox (
    position        BIGSERIAL PRIMARY KEY,
    statement_id    UUID        NOT NULL UNIQUE,
    org_id          TEXT        NOT NULL,
    verb            TEXT        NOT NULL,
    statement       TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
-- The sender's scan: only pending rows that are due.
CREATE INDEX xapi_outbox_due ON xapi_outbox (next_attempt_at, position) WHERE status = 'PENDING';
-- The admin summary: counts per status and the newest error of one org.
CREATE INDEX xapi_outbox_org_status ON xapi_outbox (org_id, status);
CREATE INDEX xapi_outbox_org_error ON xapi_outbox (org_id, last_attempt_at DESC) WHERE last_error IS NOT NULL;
