-- The SIMULATED payment provider's own books: the outside world, not ours. They live in the
-- payment database only because the simulation needs somewhere that survives a crash of the
-- worker, as a real provider's books would. No ledger code reads or writes these tables
-- (SimulatedPaymentProvider alone does); the tests and the crash tests read them to compare what
-- the provider really moved with what our `payment` table says. When a real provider replaces the
-- simulation, a later migration drops them.

-- At most one charge per idempotency key (the order id): a repeat charge moves no money.
CREATE TABLE sim_provider_charge (
    idempotency_key  VARCHAR(64)  NOT NULL,
    payment_id       VARCHAR(64)  NOT NULL,
    customer_id      VARCHAR(64)  NULL,
    amount_cents     BIGINT       NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    charged_at       TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_sim_provider_charge PRIMARY KEY (idempotency_key)
);

-- At most one refund per charge, always in full: a repeat refund moves no money.
CREATE TABLE sim_provider_refund (
    idempotency_key  VARCHAR(64)  NOT NULL,
    amount_cents     BIGINT       NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    refunded_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_sim_provider_refund PRIMARY KEY (idempotency_key)
);

-- How many attempts of `tok_flaky` the provider has failed per key, so that "two transient
-- failures, then approved" holds across a restart of the worker too.
CREATE TABLE sim_provider_flaky_failure (
    idempotency_key  VARCHAR(64)  NOT NULL,
    failures         INT          NOT NULL,
    CONSTRAINT pk_sim_provider_flaky_failure PRIMARY KEY (idempotency_key)
);
