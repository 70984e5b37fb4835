-- A small demo catalog with known stock (brief section 4). PUT /products/{sku} changes it later.
INSERT INTO product (sku, name, price_cents, currency, available, version) VALUES
    ('MUG-RED',        'Red mug',                 1250, 'EUR', 100, 0),
    ('MUG-BLUE',       'Blue mug',                1250, 'EUR', 100, 0),
    ('TEE-BLACK',      'Black T-shirt',           2500, 'EUR',  50, 0),
    ('CAP-GREEN',      'Green cap',               1800, 'EUR',  25, 0),
    ('LIMITED-POSTER', 'Limited edition poster',  4900, 'EUR',  10, 0);
