-- Events leave a service only through this table: written in the same transaction as the state change,
-- published by the relay in position order, then marked published.
CREATE TABLE outbox_event (
    position      BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    type          TEXT        NOT NULL,
    topic         TEXT        NOT NULL,
    event_key     TEXT        NOT NULL,
    subject       TEXT,
    source        TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       JSONB       NOT NULL,
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;

-- Every consumed event id, written in the same transaction as its effect: a redelivery finds its id here.
CREATE TABLE inbox_event (
    event_id     TEXT        PRIMARY KEY,
    type         TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
