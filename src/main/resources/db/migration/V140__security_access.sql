-- Access only with the unit's authorisation (Art. 17): the supplier's requests for access to a
-- unit's instances, the grants the unit decides, and the bastion host's access events checked
-- against them.

CREATE SEQUENCE security_grant_number;

CREATE TABLE security_access_grant (
    id                uuid        PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    unit_id           uuid        NOT NULL REFERENCES organization (id),
    supplier_id       uuid        NOT NULL REFERENCES organization (id),
    requested_by      uuid        NOT NULL,
    requested_by_name text        NOT NULL,
    purpose           text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
    kind              text        NOT NULL CHECK (kind IN ('CONSOLE', 'SSH', 'REMOTE_DESKTOP', 'DATABASE', 'STORAGE', 'OTHER')),
    requested_from    timestamptz NOT NULL,
    requested_until   timestamptz NOT NULL,
    emergency         boolean     NOT NULL,
    ticket_number     text,
    status            text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED', 'REVOKED', 'EMERGENCY')),
    -- The window and instances in force: what the unit approved (possibly narrower than asked),
    -- or, for an emergency, what was asked until the unit decides after the fact.
    granted_from      timestamptz,
    granted_until     timestamptz,
    granted_instances uuid[]      NOT NULL DEFAULT '{}',
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    -- When a grant in force stopped early: revoked, or an emergency refused after the fact.
    ended_at          timestamptz,
    created_at        timestamptz NOT NULL,
    -- An emergency left undecided past its deadline, flagged once.
    flagged_at        timestamptz,
    CHECK (requested_until > requested_from),
    CHECK (granted_until IS NULL OR granted_until > granted_from)
);

CREATE INDEX security_access_grant_unit ON security_access_grant (unit_id, created_at DESC);
CREATE INDEX security_access_grant_supplier ON security_access_grant (supplier_id, created_at DESC);
CREATE INDEX security_access_grant_instances ON security_access_grant USING gin (granted_instances);

-- The instances asked for, with the names they had when asked.
CREATE TABLE security_grant_instance (
    grant_id      uuid NOT NULL REFERENCES security_access_grant (id),
    instance_id   uuid NOT NULL REFERENCES instance (id),
    instance_name text NOT NULL,
    system_id     uuid NOT NULL REFERENCES application_system (id),
    system_name   text NOT NULL,
    PRIMARY KEY (grant_id, instance_id)
);

CREATE TABLE security_access_grant_event (
    id          bigserial   PRIMARY KEY,
    grant_id    uuid        NOT NULL REFERENCES security_access_grant (id),
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,
    action      text        NOT NULL,
    reason      text
);

CREATE INDEX security_access_grant_event_grant ON security_access_grant_event (grant_id, occurred_at);

-- One session on the bastion host. A session reported twice (API retry, CSV imported again) is
-- kept once: (supplier, session id) is unique.
CREATE TABLE security_access_event (
    id             uuid        PRIMARY KEY,
    supplier_id    uuid        NOT NULL REFERENCES organization (id),
    unit_id        uuid        NOT NULL REFERENCES organization (id),
    instance_id    uuid        NOT NULL REFERENCES instance (id),
    instance_name  text        NOT NULL,
    person         text        NOT NULL CHECK (length(person) BETWEEN 1 AND 100),
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz NOT NULL,
    source_address text        NOT NULL,
    session_id     text        NOT NULL CHECK (length(session_id) BETWEEN 1 AND 100),
    grant_id       uuid REFERENCES security_access_grant (id),
    violation      boolean     NOT NULL,
    recorded_at    timestamptz NOT NULL,
    recorded_by    uuid,
    UNIQUE (supplier_id, session_id),
    CHECK (ended_at >= started_at),
    CHECK (violation = (grant_id IS NULL))
);

CREATE INDEX security_access_event_unit ON security_access_event (unit_id, started_at DESC);
CREATE INDEX security_access_event_violation ON security_access_event (unit_id, started_at DESC) WHERE violation;
