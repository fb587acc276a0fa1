-- Personal fields are kept SM4-encrypted at rest (issue 19, ADR 0033): "sm4:<key id>:<base64>"
-- is longer than the plaintext, whose length the forms still check.
ALTER TABLE app_user ALTER COLUMN phone TYPE varchar(200);
ALTER TABLE app_user ALTER COLUMN email TYPE varchar(400);
ALTER TABLE organization ALTER COLUMN contact_phone TYPE varchar(200);
