-- Per-event retries of the SIMULATED carrier's outbox (V3). An event the webhook refuses waits for
-- its own next attempt, so it holds back only the later events of its own order, never another
-- order's; one that keeps failing is parked: never tried again by itself, until a person clears
-- parked_at (docs/observability.md says how).
ALTER TABLE sim_carrier_event ADD COLUMN attempts INT NOT NULL DEFAULT 0;
-- Set before the first POST, under the booking's row lock: from then on the carrier has said it,
-- and a cancel can no longer take it back (it reports a return instead of withdrawing it).
ALTER TABLE sim_carrier_event ADD COLUMN first_attempt_at TIMESTAMP(6) NULL;
-- After a refused attempt: not before this time (the backoff, or the webhook's Retry-After).
ALTER TABLE sim_carrier_event ADD COLUMN next_attempt_at TIMESTAMP(6) NULL;
ALTER TABLE sim_carrier_event ADD COLUMN last_error VARCHAR(200) NULL;
ALTER TABLE sim_carrier_event ADD COLUMN parked_at TIMESTAMP(6) NULL;
-- Taken back by a cancel of the booking before the carrier ever said it.
ALTER TABLE sim_carrier_event ADD COLUMN withdrawn_at TIMESTAMP(6) NULL;

-- Until now a cancelled booking's unsent events were skipped by a join on the booking; they are
-- withdrawn from here on, so the ones already cancelled are marked the same way.
UPDATE sim_carrier_event SET withdrawn_at = CURRENT_TIMESTAMP(6)
WHERE sent_at IS NULL
  AND idempotency_key IN (SELECT idempotency_key FROM sim_carrier_booking WHERE cancelled_at IS NOT NULL);

-- The events of one booking in their order: the sender looks for an earlier unsent one by these.
CREATE INDEX ix_sim_carrier_event_booking ON sim_carrier_event (idempotency_key, sequence_number);
-- The parked ones, counted for the gauge and listed for people.
CREATE INDEX ix_sim_carrier_event_parked ON sim_carrier_event (parked_at);
