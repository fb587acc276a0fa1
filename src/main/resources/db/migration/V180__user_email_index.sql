-- The blind index of people's e-mail addresses (ADR 0037): a keyed SM3 hash of the address,
-- "hmac-sm3:<key id>:<hex>", made on write and at each start for rows without one, so the
-- people list finds a person by exact address without comparing the SM4 ciphertext.
ALTER TABLE app_user ADD COLUMN email_index varchar(100);
CREATE INDEX app_user_email_index ON app_user (email_index);
