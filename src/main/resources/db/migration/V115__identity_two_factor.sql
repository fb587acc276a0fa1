-- Two-factor login (TOTP, RFC 6238; issue 19, 等保 level 3). Owned by identity.
-- The secret is kept SM4-sealed (ADR 0033), GovCloud reads it back to check codes;
-- enrolled_at is NULL while the person has not yet confirmed a first code.
CREATE TABLE identity_two_factor (
    user_id         uuid        PRIMARY KEY REFERENCES app_user (id),
    secret          varchar(200) NOT NULL,
    enrolled_at     timestamptz,
    -- The time step of the last accepted code: a code is accepted once, never again.
    last_step       bigint      NOT NULL DEFAULT 0,
    failed_attempts int         NOT NULL DEFAULT 0,
    locked_until    timestamptz
);

-- Ten one-time recovery codes, shown once, kept as their SM3 hash.
CREATE TABLE identity_recovery_code (
    user_id   uuid        NOT NULL REFERENCES app_user (id),
    code_hash char(64)    NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Failed sign-ins per client address, counted over a window (the address limit).
CREATE TABLE identity_login_failure (
    address   varchar(64) NOT NULL,
    failed_at timestamptz NOT NULL
);

CREATE INDEX identity_login_failure_address ON identity_login_failure (address, failed_at);
