-- Any Unicode text is stored exactly, emoji and other 4-byte characters included: every table of
-- the delivery service is utf8mb4 whatever the database's default (a database made with a latin1
-- default, as the local stack's were, refuses 4-byte characters with "Incorrect string value").
-- Of an address the service keeps only the country; the carrier's tables are converted too, so
-- whatever text they hold later is safe. Converting re-encodes the rows already there.
-- utf8mb4_unicode_ci is a collation both MySQL 8.4 and MariaDB 10.11 have. H2 (MySQL mode, the
-- embedded platform) accepts these statements as they are; its strings are Unicode already.
-- Tables added later state the same character set in their DDL.
ALTER TABLE shipment CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE sim_carrier_booking CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE sim_carrier_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
