-- Service contracts, filing and payments (Art. 7, PRODUCT C5).
CREATE SEQUENCE contract_number;

CREATE TABLE contract (
    id              uuid          PRIMARY KEY,
    number          varchar(20)   NOT NULL UNIQUE,
    contract_code   varchar(60)   NOT NULL,
    unit_id         uuid          NOT NULL REFERENCES organization (id),
    supplier_id     uuid          NOT NULL REFERENCES organization (id),
    system_id       uuid          NOT NULL REFERENCES application_system (id),
    application_id  uuid          NOT NULL UNIQUE REFERENCES resource_application (id),
    status          varchar(20)   NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'SUBMITTED', 'RETURNED', 'FILED',
                                                             'ACTIVE', 'ENDED')),
    term_start      date          NOT NULL,
    term_end        date          NOT NULL,
    signed_on       date,
    version         int           NOT NULL DEFAULT 1,
    created_by      uuid          NOT NULL REFERENCES app_user (id),
    created_at      timestamptz   NOT NULL,
    submitted_at    timestamptz,
    decided_at      timestamptz,
    decided_by      uuid          REFERENCES app_user (id),
    return_reason   varchar(2000),
    CONSTRAINT contract_term CHECK (term_end >= term_start),
    UNIQUE (unit_id, contract_code)
);

CREATE INDEX contract_unit ON contract (unit_id, status);
CREATE INDEX contract_supplier ON contract (supplier_id, status);
CREATE INDEX contract_queue ON contract (status, submitted_at);

-- The lines of every version; a version's lines apply from its effective date (amendments).
CREATE TABLE contract_line (
    id                  uuid          PRIMARY KEY,
    contract_id         uuid          NOT NULL REFERENCES contract (id),
    version             int           NOT NULL,
    position            int           NOT NULL,
    application_line_id uuid          REFERENCES application_line (id),
    kind_code           varchar(40)   NOT NULL REFERENCES resource_kind (code),
    dimension           varchar(40)   NOT NULL,
    billing_unit        varchar(20)   NOT NULL,
    quantity            bigint        NOT NULL CHECK (quantity >= 0),
    approved_quantity   bigint        NOT NULL CHECK (approved_quantity >= 0),
    unit_price          numeric(14,2) NOT NULL CHECK (unit_price > 0),
    cap_price           numeric(14,2) NOT NULL,
    tender_number       varchar(60)   NOT NULL,
    UNIQUE (contract_id, version, position)
);

CREATE TABLE contract_version (
    contract_id    uuid          NOT NULL REFERENCES contract (id),
    version        int           NOT NULL,
    effective_from date          NOT NULL,
    reason         varchar(2000),
    created_by     uuid          NOT NULL REFERENCES app_user (id),
    created_at     timestamptz   NOT NULL,
    PRIMARY KEY (contract_id, version)
);

-- The signed contract as a PDF, kept in the database with the rest.
CREATE TABLE contract_document (
    contract_id  uuid         PRIMARY KEY REFERENCES contract (id),
    file_name    varchar(200) NOT NULL,
    size_bytes   bigint       NOT NULL,
    content      bytea        NOT NULL,
    uploaded_by  uuid         NOT NULL REFERENCES app_user (id),
    uploaded_at  timestamptz  NOT NULL
);

CREATE TABLE contract_event (
    contract_id uuid          NOT NULL REFERENCES contract (id),
    occurred_at timestamptz   NOT NULL,
    actor_id    uuid          REFERENCES app_user (id),
    action      varchar(30)   NOT NULL,
    reason      varchar(2000)
);

CREATE INDEX contract_event_contract ON contract_event (contract_id, occurred_at);

CREATE TABLE payment (
    id             uuid          PRIMARY KEY,
    contract_id    uuid          NOT NULL REFERENCES contract (id),
    amount         numeric(14,2) NOT NULL CHECK (amount > 0),
    paid_on        date          NOT NULL,
    period_from    date          NOT NULL,
    period_to      date          NOT NULL,
    invoice_number varchar(60)   NOT NULL,
    recorded_by    uuid          NOT NULL REFERENCES app_user (id),
    recorded_at    timestamptz   NOT NULL,
    CONSTRAINT payment_period CHECK (period_to >= period_from)
);

CREATE INDEX payment_contract ON payment (contract_id);

-- Expiry warnings already sent, so each goes out once (60, 30 and 7 days before the end).
CREATE TABLE contract_reminder (
    contract_id uuid NOT NULL REFERENCES contract (id),
    days_before int  NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (contract_id, days_before)
);
