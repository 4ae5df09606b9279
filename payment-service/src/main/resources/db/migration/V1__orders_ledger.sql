-- The orders ledger: a projection of HoldSold events, rebuilt from the log at will.
-- Writes are idempotent (keyed by order id); the unique seat constraint guards "never oversold"
-- a second time, independently of inventory-service.
CREATE TABLE orders (
    order_id       text PRIMARY KEY,          -- the hold id
    sale_id        text        NOT NULL,
    buyer_id       text        NOT NULL,
    section_id     text        NOT NULL,
    amount_cents   bigint      NOT NULL CHECK (amount_cents >= 0),
    currency       text        NOT NULL,
    charge_id      text        NOT NULL,
    correlation_id text        NOT NULL,
    event_id       text        NOT NULL UNIQUE,
    sold_at        timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_by_buyer ON orders (sale_id, buyer_id);

CREATE TABLE order_seats (
    order_id   text NOT NULL REFERENCES orders (order_id),
    sale_id    text NOT NULL,
    section_id text NOT NULL,
    seat       text NOT NULL,
    PRIMARY KEY (order_id, seat),
    CONSTRAINT one_order_per_seat UNIQUE (sale_id, section_id, seat)
);
