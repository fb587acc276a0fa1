-- Termination applications and reclaim work orders (Art. 9; PRODUCT C9).

-- The evidence that a system's data was migrated or backed up is a document of the system,
-- checked by content like its construction plans.
ALTER TABLE system_document DROP CONSTRAINT system_document_purpose_check;
ALTER TABLE system_document ADD CONSTRAINT system_document_purpose_check
    CHECK (purpose IN ('CONSTRUCTION_PLAN', 'EXEMPTION', 'BACKUP_EVIDENCE'));

CREATE SEQUENCE termination_number;

-- A unit's termination application: the whole system or selected instances, with the
-- Art. 9 checklist (offline, data migrated or backed up with evidence).
CREATE TABLE termination (
    id                 uuid          PRIMARY KEY,
    number             varchar(20)   NOT NULL UNIQUE,
    unit_id            uuid          NOT NULL REFERENCES organization (id),
    system_id          uuid          NOT NULL REFERENCES application_system (id),
    whole_system       boolean       NOT NULL,
    offline_on         date          NOT NULL,
    data_handling      varchar(20)   NOT NULL CHECK (data_handling IN ('MIGRATED', 'BACKED_UP')),
    data_location      varchar(500)  NOT NULL,
    evidence_version   int           NOT NULL,
    open_applications  varchar(20)   CHECK (open_applications IN ('WITHDRAW', 'KEEP')),
    withdrawn          varchar(2000),
    note               varchar(2000),
    status             varchar(20)   NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'RECLAIMED')),
    submitted_by       uuid          NOT NULL REFERENCES app_user (id),
    submitted_at       timestamptz   NOT NULL,
    decided_by         uuid          REFERENCES app_user (id),
    decided_at         timestamptz,
    approved_on        date,
    return_reason      varchar(2000),
    reclaimed_on       date
);

CREATE INDEX termination_unit ON termination (unit_id, status);
CREATE INDEX termination_queue ON termination (status, submitted_at);
-- One termination at a time per system (submitted or being reclaimed).
CREATE UNIQUE INDEX termination_one_pending ON termination (system_id) WHERE status IN ('SUBMITTED', 'APPROVED');

-- The instances a termination of selected resources names (a whole-system termination
-- takes every active instance of the system when it is approved).
CREATE TABLE termination_instance (
    termination_id uuid NOT NULL REFERENCES termination (id),
    instance_id    uuid NOT NULL REFERENCES instance (id),
    PRIMARY KEY (termination_id, instance_id)
);

-- Work orders are provisioning (a filed contract, or an amendment adding resources) or
-- reclaim orders (an approved termination, or an amendment removing resources).
ALTER TABLE work_order ADD COLUMN kind varchar(20) NOT NULL DEFAULT 'PROVISION'
    CHECK (kind IN ('PROVISION', 'RECLAIM'));
ALTER TABLE work_order ADD COLUMN contract_version int NOT NULL DEFAULT 1;
ALTER TABLE work_order ADD COLUMN termination_id uuid REFERENCES termination (id);
ALTER TABLE work_order DROP CONSTRAINT work_order_contract_id_key;
CREATE UNIQUE INDEX work_order_per_version ON work_order (contract_id, kind, contract_version)
    WHERE termination_id IS NULL;
CREATE UNIQUE INDEX work_order_per_termination ON work_order (termination_id, contract_id)
    WHERE termination_id IS NOT NULL;
CREATE INDEX work_order_contract ON work_order (contract_id);

-- The reclaim order an instance is reclaimed under.
ALTER TABLE instance ADD COLUMN reclaim_order_id uuid REFERENCES work_order (id);
ALTER TABLE instance ADD CONSTRAINT instance_reclaimed_on CHECK (state <> 'RECLAIMED' OR reclaimed_on IS NOT NULL);
CREATE INDEX instance_reclaim_order ON instance (reclaim_order_id);
