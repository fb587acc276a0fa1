-- Personal API tokens: shown once, stored as their SM3 hash, revocable, listed with last use.
CREATE TABLE api_token (
    id           uuid         PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES app_user (id),
    name         varchar(100) NOT NULL,
    token_hash   char(64)     NOT NULL UNIQUE,
    prefix       varchar(12)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_token_user ON api_token (user_id);
