-- The SIMULATED carrier's outbox: the tracking events it will post to our webhook once they are
-- due (see V2 for why the simulation keeps its books in this database). Written in the same
-- transaction as the booking, so a booking and its events survive a crash of the worker together;
-- a scheduler posts the due ones and stamps sent_at. At least once: the webhook is idempotent by
-- event_id, so an event posted again after a crash changes nothing.
CREATE TABLE sim_carrier_event (
    event_id         VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(64)  NOT NULL,
    tracking_number  VARCHAR(64)  NOT NULL,
    event_type       VARCHAR(16)  NOT NULL,
    -- Events of one booking go out in this order (a pick-up before its delivery).
    sequence_number  INT          NOT NULL,
    due_at           TIMESTAMP(6) NOT NULL,
    sent_at          TIMESTAMP(6) NULL,
    CONSTRAINT pk_sim_carrier_event PRIMARY KEY (event_id)
);

CREATE INDEX ix_sim_carrier_event_pending ON sim_carrier_event (sent_at, due_at);
