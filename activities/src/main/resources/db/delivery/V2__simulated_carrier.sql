-- The SIMULATED carrier's own books: the outside world, not ours. They live in the delivery
-- database only because the simulation needs somewhere that survives a crash of the worker, as a
-- real carrier's system would. No ledger code reads or writes this table (SimulatedCarrier alone
-- does); the tests and the crash tests read it to compare the carrier's live bookings with our
-- `shipment` table. When a real carrier replaces the simulation, a later migration drops it.

-- At most one booking per idempotency key (the order id); a cancelled booking keeps its row with
-- the time it was cancelled, so a repeat cancel changes nothing.
CREATE TABLE sim_carrier_booking (
    idempotency_key  VARCHAR(64)  NOT NULL,
    tracking_number  VARCHAR(64)  NOT NULL,
    country          VARCHAR(2)   NOT NULL,
    booked_at        TIMESTAMP(6) NOT NULL,
    cancelled_at     TIMESTAMP(6) NULL,
    CONSTRAINT pk_sim_carrier_booking PRIMARY KEY (idempotency_key)
);
