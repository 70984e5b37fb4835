-- Payment service schema. One row per order: the primary key makes concurrent duplicate charges
-- (or a refund racing a charge) collide, so an order is charged at most once.
CREATE TABLE payment (
    order_id      VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    payment_id    VARCHAR(64)  NULL,
    customer_id   VARCHAR(64)  NULL,
    amount_cents  BIGINT       NOT NULL,
    currency      VARCHAR(3)   NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (order_id)
);
