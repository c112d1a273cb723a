-- The pruner finds delivered statements by when they were sent.
CREATE INDEX xapi_outbox_sent_at ON xapi_outbox (sent_at) WHERE status = 'SENT';
