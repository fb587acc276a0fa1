-- Hosting-status transitions of application systems (Art. 3) and the Commission's exemptions.

-- Every change of a system's hosting status, kept for the system's page; the audit trail holds
-- the same facts in its chain.
CREATE TABLE system_status_change (
    id          uuid          PRIMARY KEY,
    system_id   uuid          NOT NULL REFERENCES application_system (id),
    from_status varchar(20)   NOT NULL,
    to_status   varchar(20)   NOT NULL,
    target_on   date,
    reason      varchar(2000),
    actor       varchar(100)  NOT NULL,
    changed_at  timestamptz   NOT NULL
);

CREATE INDEX system_status_change_system ON system_status_change (system_id, changed_at DESC);

-- A unit asks the Commission to exempt a self-hosted system from migration (Art. 3: where laws,
-- regulations, government rules or national documents provide otherwise), citing the legal basis
-- and a supporting document. The Commission grants or refuses; a transition of the system away
-- from self-hosting withdraws a pending request.
CREATE TABLE system_exemption (
    id              uuid          PRIMARY KEY,
    system_id       uuid          NOT NULL REFERENCES application_system (id),
    basis           varchar(2000) NOT NULL,
    document_id     uuid          NOT NULL REFERENCES system_document (id),
    state           varchar(20)   NOT NULL CHECK (state IN ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
    requested_by    uuid          NOT NULL REFERENCES app_user (id),
    requested_at    timestamptz   NOT NULL,
    decided_by      varchar(100),
    decided_at      timestamptz,
    decision_reason varchar(500),
    CONSTRAINT system_exemption_decided CHECK ((state = 'PENDING') = (decided_at IS NULL))
);

-- At most one pending request per system.
CREATE UNIQUE INDEX system_exemption_pending ON system_exemption (system_id) WHERE state = 'PENDING';
CREATE INDEX system_exemption_system ON system_exemption (system_id, requested_at DESC);

-- The Commission's overview looks for overdue migrations.
CREATE INDEX application_system_migration ON application_system (migration_target_on)
    WHERE hosting_status = 'MIGRATING';
