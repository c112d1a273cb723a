-- The three HTTP outboxes (xapi_outbox, webhook_delivery, ags_outbox) are sent by one mechanism
-- (platform-events' DeliveryOutbox), which marks every attempt the same way: when it was made, the receiver's HTTP
-- status and the reason. The columns the older tables lacked are added; existing rows keep NULL.
ALTER TABLE xapi_outbox ADD COLUMN last_status INTEGER;
ALTER TABLE ags_outbox ADD COLUMN last_attempt_at TIMESTAMPTZ, ADD COLUMN last_status INTEGER;
