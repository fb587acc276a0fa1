-- Organisations, people and roles (Art. 4, PRODUCT C1).
CREATE TABLE organization (
    id             uuid         PRIMARY KEY,
    kind           varchar(20)  NOT NULL CHECK (kind IN ('COMMISSION', 'UNIT', 'SUPPLIER', 'FINANCE_BUREAU')),
    name           varchar(100) NOT NULL,
    credit_code    char(18),
    contact_person varchar(50),
    contact_phone  varchar(30),
    active         boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT organization_unit_has_credit_code CHECK (kind <> 'UNIT' OR credit_code IS NOT NULL)
);

-- Exactly one Commission and one finance bureau.
CREATE UNIQUE INDEX organization_one_commission ON organization (kind) WHERE kind = 'COMMISSION';
CREATE UNIQUE INDEX organization_one_finance_bureau ON organization (kind) WHERE kind = 'FINANCE_BUREAU';
CREATE UNIQUE INDEX organization_credit_code ON organization (credit_code) WHERE credit_code IS NOT NULL;
CREATE UNIQUE INDEX organization_name ON organization (lower(name));

CREATE TABLE app_user (
    id                   uuid         PRIMARY KEY,
    username             varchar(50)  NOT NULL,
    display_name         varchar(50)  NOT NULL,
    organization_id      uuid         NOT NULL REFERENCES organization (id),
    phone                varchar(30),
    email                varchar(100),
    password_hash        varchar(255) NOT NULL,
    password_changed_at  timestamptz  NOT NULL,
    must_change_password boolean      NOT NULL DEFAULT true,
    failed_attempts      int          NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    enabled              boolean      NOT NULL DEFAULT true,
    created_at           timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));
CREATE INDEX app_user_organization ON app_user (organization_id);

CREATE TABLE user_role (
    user_id uuid        NOT NULL REFERENCES app_user (id),
    role    varchar(30) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE INDEX user_role_role ON user_role (role);

-- The last password hashes of each user, so that the policy can refuse a reused one.
CREATE TABLE password_history (
    user_id       uuid         NOT NULL REFERENCES app_user (id),
    password_hash varchar(255) NOT NULL,
    changed_at    timestamptz  NOT NULL
);

CREATE INDEX password_history_user ON password_history (user_id, changed_at DESC);
