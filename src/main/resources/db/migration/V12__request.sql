-- Resource applications and the Commission's review (Art. 6, 8, PRODUCT C4).
CREATE SEQUENCE resource_application_number;

CREATE TABLE resource_application (
    id              uuid         PRIMARY KEY,
    number          varchar(20)  NOT NULL UNIQUE,
    system_id       uuid         NOT NULL REFERENCES application_system (id),
    unit_id         uuid         NOT NULL REFERENCES organization (id),
    type            varchar(10)  NOT NULL CHECK (type IN ('NEW', 'CHANGE')),
    status          varchar(20)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN',
                                                            'APPROVED', 'REJECTED')),
    revision        int          NOT NULL DEFAULT 0,
    plan_version    int,
    summary         varchar(500),
    created_by      uuid         NOT NULL REFERENCES app_user (id),
    created_at      timestamptz  NOT NULL,
    submitted_at    timestamptz,
    decided_at      timestamptz,
    decided_by      uuid         REFERENCES app_user (id),
    decision        varchar(20)  CHECK (decision IN ('APPROVED', 'APPROVED_WITH_CUTS', 'RETURNED', 'REJECTED',
                                                     'AUTO_APPROVED')),
    decision_reason varchar(2000)
);

CREATE INDEX resource_application_unit ON resource_application (unit_id, status);
CREATE INDEX resource_application_system ON resource_application (system_id);
CREATE INDEX resource_application_queue ON resource_application (status, submitted_at);

-- Lines: what was requested, and what the Commission approved (both kept forever, Art. 8).
CREATE TABLE application_line (
    id                uuid          PRIMARY KEY,
    application_id    uuid          NOT NULL REFERENCES resource_application (id),
    position          int           NOT NULL,
    kind_code         varchar(40)   NOT NULL REFERENCES resource_kind (code),
    direction         varchar(10)   NOT NULL CHECK (direction IN ('INCREASE', 'DECREASE')),
    spec              jsonb         NOT NULL,
    quantity          int           NOT NULL CHECK (quantity > 0),
    justification     varchar(2000) NOT NULL,
    approved_spec     jsonb,
    approved_quantity int           CHECK (approved_quantity >= 0),
    cut_reason        varchar(2000),
    UNIQUE (application_id, position)
);

-- Every submitted version of an application, as it was submitted.
CREATE TABLE application_revision (
    application_id uuid        NOT NULL REFERENCES resource_application (id),
    revision       int         NOT NULL,
    submitted_at   timestamptz NOT NULL,
    submitted_by   uuid        NOT NULL REFERENCES app_user (id),
    plan_version   int,
    summary        varchar(500),
    lines          jsonb       NOT NULL,
    PRIMARY KEY (application_id, revision)
);

-- The application's history: who did what, when, and why.
CREATE TABLE application_event (
    application_id uuid          NOT NULL REFERENCES resource_application (id),
    occurred_at    timestamptz   NOT NULL,
    actor_id       uuid          REFERENCES app_user (id),
    action         varchar(30)   NOT NULL,
    reason         varchar(2000)
);

CREATE INDEX application_event_application ON application_event (application_id, occurred_at);
