-- Any Unicode text is stored exactly, emoji and other 4-byte characters included: every table of
-- the stock service is utf8mb4 whatever the database's default (a MariaDB or MySQL database made
-- with a latin1 default, as the local stack's were, refused 'Mug 🌸' with "Incorrect string
-- value"). Converting re-encodes the rows already there; names are not normalised, so a combining
-- accent stays as it was written. utf8mb4_unicode_ci is a collation both MySQL 8.4 and MariaDB
-- 10.11 have. H2 (MySQL mode, the embedded platform) accepts these statements as they are; its
-- strings are Unicode already. Tables added later state the same character set in their DDL.

-- A column of a foreign key cannot change its character set while the key exists (MariaDB refuses
-- even with foreign_key_checks off): drop the key, convert both tables, add it back.
ALTER TABLE reservation_line DROP FOREIGN KEY fk_reservation_line_reservation;

ALTER TABLE product CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE reservation CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE reservation_line CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE reservation_line ADD CONSTRAINT fk_reservation_line_reservation
    FOREIGN KEY (order_id) REFERENCES reservation (order_id);
