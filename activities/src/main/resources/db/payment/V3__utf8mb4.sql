-- Any Unicode text is stored exactly, emoji and other 4-byte characters included (a customer id
-- is the token's subject, which the identity provider may spell in any script): every table of the
-- payment service is utf8mb4 whatever the database's default (a database made with a latin1
-- default, as the local stack's were, refused them with "Incorrect string value"). Converting
-- re-encodes the rows already there. utf8mb4_unicode_ci is a collation both MySQL 8.4 and MariaDB
-- 10.11 have. H2 (MySQL mode, the embedded platform) accepts these statements as they are; its
-- strings are Unicode already. Tables added later state the same character set in their DDL.
ALTER TABLE payment CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE sim_provider_charge CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE sim_provider_refund CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE sim_provider_flaky_failure CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
