-- The supplier's periodic obligations (Art. 11, 12, 14, 16): how each kind recurs and when
-- it is due, as the Commission sets it, and one obligation per supplier (per unit for the
-- monthly report) and period.

CREATE TABLE reporting_obligation_kind (
    kind            text        PRIMARY KEY CHECK (kind IN ('MONTHLY_REPORT', 'SECURITY_BULLETIN', 'EMERGENCY_DRILL',
                                                           'TRAINING', 'BACKUP_RESTORE_TEST')),
    period          text        NOT NULL CHECK (period IN ('MONTH', 'QUARTER', 'YEAR')),
    due_working_day integer     NOT NULL CHECK (due_working_day BETWEEN 1 AND 60),
    updated_at      timestamptz,
    updated_by      uuid
);

INSERT INTO reporting_obligation_kind (kind, period, due_working_day)
VALUES ('MONTHLY_REPORT', 'MONTH', 5),
       ('SECURITY_BULLETIN', 'MONTH', 5),
       ('EMERGENCY_DRILL', 'YEAR', 20),
       ('TRAINING', 'QUARTER', 10),
       ('BACKUP_RESTORE_TEST', 'QUARTER', 10);

CREATE TABLE reporting_obligation (
    id                 uuid        PRIMARY KEY,
    kind               text        NOT NULL REFERENCES reporting_obligation_kind (kind),
    supplier_id        uuid        NOT NULL REFERENCES organization (id),
    unit_id            uuid        REFERENCES organization (id),
    period_start       date        NOT NULL,
    period_end         date        NOT NULL,
    due_on             date        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    submitted_at       timestamptz,
    submitted_by       uuid,
    note               text        CHECK (length(note) <= 2000),
    document_name      text,
    document           bytea,
    report_id          uuid        REFERENCES reporting_report (id),
    decided_by         text,
    decided_at         timestamptz,
    return_reason      text        CHECK (length(return_reason) <= 2000),
    reminded_before_at timestamptz,
    reminded_due_at    timestamptz,
    CHECK (period_end >= period_start)
);

-- Generated once per kind, supplier, unit (or none) and period, whichever node generates.
CREATE UNIQUE INDEX reporting_obligation_once
    ON reporting_obligation (kind, supplier_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'), period_start);
CREATE INDEX reporting_obligation_due ON reporting_obligation (due_on, status);
CREATE INDEX reporting_obligation_supplier ON reporting_obligation (supplier_id, due_on);

CREATE TABLE reporting_obligation_event (
    obligation_id uuid        NOT NULL REFERENCES reporting_obligation (id),
    occurred_at   timestamptz NOT NULL,
    actor_id      uuid,
    action        text        NOT NULL,
    reason        text
);

CREATE INDEX reporting_obligation_event_obligation ON reporting_obligation_event (obligation_id, occurred_at);
