-- Stock service schema. MySQL 8 syntax that MariaDB 10.11 and H2 (MODE=MySQL) also accept:
-- no ENUM, no JSON, no logic that depends on CHECK constraints.

CREATE TABLE product (
    sku          VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    price_cents  BIGINT       NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    -- Never negative: every decrement is conditional (available >= qty), see StockLedger.
    available    INT          NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_product PRIMARY KEY (sku)
);

-- One row per order: the primary key makes a concurrent duplicate reserve (or a release racing a
-- reserve) collide, so an order holds stock at most once.
CREATE TABLE reservation (
    order_id     VARCHAR(64)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    total_cents  BIGINT       NOT NULL,
    currency     VARCHAR(3)   NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_reservation PRIMARY KEY (order_id)
);

CREATE TABLE reservation_line (
    order_id          VARCHAR(64) NOT NULL,
    sku               VARCHAR(64) NOT NULL,
    quantity          INT         NOT NULL,
    unit_price_cents  BIGINT      NOT NULL,
    CONSTRAINT pk_reservation_line PRIMARY KEY (order_id, sku),
    CONSTRAINT fk_reservation_line_reservation FOREIGN KEY (order_id) REFERENCES reservation (order_id)
);
