-- Backups (Art. 16): the supplier's backup policies per system or instance, the backup runs it
-- reports (API or CSV), compared with each policy's schedule, and the restore tests.

CREATE TABLE security_backup_policy (
    id             uuid        PRIMARY KEY,
    unit_id        uuid        NOT NULL REFERENCES organization (id),
    supplier_id    uuid        NOT NULL REFERENCES organization (id),
    system_id      uuid        NOT NULL REFERENCES application_system (id),
    -- One instance, or NULL: every instance of the system the supplier operates.
    instance_id    uuid        REFERENCES instance (id),
    content        text        NOT NULL CHECK (length(content) BETWEEN 1 AND 500),
    frequency      text        NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    at_time        time        NOT NULL,
    -- ISO day of week for WEEKLY, day of month for MONTHLY.
    weekday        smallint    CHECK (weekday BETWEEN 1 AND 7),
    month_day      smallint    CHECK (month_day BETWEEN 1 AND 28),
    retention_days integer     NOT NULL CHECK (retention_days BETWEEN 1 AND 36500),
    location       text        NOT NULL CHECK (length(location) BETWEEN 1 AND 500),
    encrypted      boolean     NOT NULL,
    starts_on      date        NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     uuid        NOT NULL,
    CHECK ((frequency = 'WEEKLY') = (weekday IS NOT NULL)),
    CHECK ((frequency = 'MONTHLY') = (month_day IS NOT NULL))
);

CREATE INDEX security_backup_policy_unit ON security_backup_policy (unit_id);
CREATE INDEX security_backup_policy_supplier ON security_backup_policy (supplier_id);
-- At most one policy per instance, and one per whole system.
CREATE UNIQUE INDEX security_backup_policy_instance ON security_backup_policy (instance_id) WHERE instance_id IS NOT NULL;
CREATE UNIQUE INDEX security_backup_policy_system ON security_backup_policy (system_id) WHERE instance_id IS NULL;

-- One backup run as the supplier reported it. Reported twice (API retry, CSV imported again) it
-- is kept once: (instance, started) is unique.
CREATE TABLE security_backup_run (
    id            uuid        PRIMARY KEY,
    policy_id     uuid        NOT NULL REFERENCES security_backup_policy (id),
    unit_id       uuid        NOT NULL REFERENCES organization (id),
    supplier_id   uuid        NOT NULL REFERENCES organization (id),
    instance_id   uuid        NOT NULL REFERENCES instance (id),
    instance_name text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    size_bytes    bigint      NOT NULL CHECK (size_bytes >= 0),
    result        text        NOT NULL CHECK (result IN ('SUCCESS', 'FAILED')),
    recorded_at   timestamptz NOT NULL,
    recorded_by   uuid,
    UNIQUE (instance_id, started_at),
    CHECK (finished_at >= started_at)
);

CREATE INDEX security_backup_run_policy ON security_backup_run (policy_id, started_at);
CREATE INDEX security_backup_run_unit ON security_backup_run (unit_id, started_at DESC);

-- A restore test of a policy's backups and its result (Art. 16).
CREATE TABLE security_restore_test (
    id          uuid        PRIMARY KEY,
    policy_id   uuid        NOT NULL REFERENCES security_backup_policy (id),
    unit_id     uuid        NOT NULL REFERENCES organization (id),
    supplier_id uuid        NOT NULL REFERENCES organization (id),
    tested_on   date        NOT NULL,
    result      text        NOT NULL CHECK (result IN ('SUCCESS', 'FAILED')),
    note        text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    recorded_at timestamptz NOT NULL,
    recorded_by uuid
);

CREATE INDEX security_restore_test_unit ON security_restore_test (unit_id, tested_on DESC);
