-- Delivery service schema. One row per order: the primary key makes a concurrent duplicate
-- schedule (or a cancel racing a schedule) collide, so an order has at most one shipment.
CREATE TABLE shipment (
    order_id         VARCHAR(64)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    tracking_number  VARCHAR(64)  NULL,
    country          VARCHAR(2)   NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    updated_at       TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_shipment PRIMARY KEY (order_id)
);
