-- The monthly report (Art. 12): each supplier's report to each unit it serves, per month.
-- A draft is replaced when drafted again; a submitted version never changes, a correction
-- is the next version (both kept).

CREATE SEQUENCE reporting_report_number;

CREATE TABLE reporting_report (
    id            uuid        PRIMARY KEY,
    number        text        NOT NULL UNIQUE,
    unit_id       uuid        NOT NULL REFERENCES organization (id),
    supplier_id   uuid        NOT NULL REFERENCES organization (id),
    month         date        NOT NULL CHECK (extract(day FROM month) = 1),
    version       integer     NOT NULL CHECK (version >= 1),
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED')),
    content       jsonb       NOT NULL,
    narrative     text        CHECK (length(narrative) <= 10000),
    suggestions   text        CHECK (length(suggestions) <= 10000),
    due_on        date        NOT NULL,
    drafted_at    timestamptz NOT NULL,
    submitted_at  timestamptz,
    submitted_by  uuid,
    decided_by    text,
    decided_at    timestamptz,
    UNIQUE (unit_id, supplier_id, month, version)
);

CREATE INDEX reporting_report_month ON reporting_report (month, unit_id);
CREATE INDEX reporting_report_supplier ON reporting_report (supplier_id, month);

CREATE TABLE reporting_report_event (
    report_id   uuid        NOT NULL REFERENCES reporting_report (id),
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,
    action      text        NOT NULL,
    reason      text
);

CREATE INDEX reporting_report_event_report ON reporting_report_event (report_id, occurred_at);

-- One row per scheduled job and period: inserted ON CONFLICT DO NOTHING, so of several
-- nodes exactly one drafts a month; the row also shows a run's progress.
CREATE TABLE reporting_job_run (
    job         text        NOT NULL,
    period      date        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    total       integer     NOT NULL DEFAULT 0,
    done        integer     NOT NULL DEFAULT 0,
    failed      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (job, period)
);
