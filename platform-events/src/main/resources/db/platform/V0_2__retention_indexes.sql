-- The pruner finds expired rows by these times; without an index each small batch would scan the table.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX inbox_event_received_at ON inbox_event (received_at);
