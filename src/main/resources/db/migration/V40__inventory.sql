-- Provisioning work orders and the inventory of instances (Art. 4, 8; PRODUCT C6).

-- One work order per filed contract: what the supplier may open, and the unit's acceptance.
CREATE TABLE work_order (
    id            uuid          PRIMARY KEY,
    contract_id   uuid          NOT NULL UNIQUE REFERENCES contract (id),
    unit_id       uuid          NOT NULL REFERENCES organization (id),
    supplier_id   uuid          NOT NULL REFERENCES organization (id),
    system_id     uuid          NOT NULL REFERENCES application_system (id),
    status        varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'COMPLETED', 'ACCEPTED')),
    created_at    timestamptz   NOT NULL,
    completed_at  timestamptz,
    decided_at    timestamptz,
    decided_by    uuid          REFERENCES app_user (id),
    reject_reason varchar(2000)
);

CREATE INDEX work_order_unit ON work_order (unit_id, status);
CREATE INDEX work_order_supplier ON work_order (supplier_id, status);

-- What may be opened: instances of one approved application line, at most `allowed`,
-- each no bigger than the approved spec.
CREATE TABLE work_order_line (
    id                  uuid          PRIMARY KEY,
    work_order_id       uuid          NOT NULL REFERENCES work_order (id),
    position            int           NOT NULL,
    application_line_id uuid          NOT NULL REFERENCES application_line (id),
    kind_code           varchar(40)   NOT NULL REFERENCES resource_kind (code),
    approved_spec       jsonb         NOT NULL,
    allowed             int           NOT NULL CHECK (allowed >= 0),
    UNIQUE (work_order_id, position)
);

-- Every instance the city pays for. An instance without an order line (e.g. imported from
-- a supplier's spreadsheet) is allowed by the schema and reported by the consistency check.
CREATE TABLE instance (
    id                uuid          PRIMARY KEY,
    work_order_id     uuid          REFERENCES work_order (id),
    order_line_id     uuid          REFERENCES work_order_line (id),
    unit_id           uuid          NOT NULL REFERENCES organization (id),
    supplier_id       uuid          NOT NULL REFERENCES organization (id),
    system_id         uuid          NOT NULL REFERENCES application_system (id),
    kind_code         varchar(40)   NOT NULL REFERENCES resource_kind (code),
    name              varchar(100)  NOT NULL,
    cloud_instance_id varchar(100)  NOT NULL,
    spec              jsonb         NOT NULL,
    zone              varchar(60)   NOT NULL,
    state             varchar(20)   NOT NULL CHECK (state IN ('PROVISIONING', 'ACTIVE', 'RECLAIMING', 'RECLAIMED')),
    active_from       date,
    reclaimed_on      date,
    created_at        timestamptz   NOT NULL,
    CONSTRAINT instance_cloud_id_unique UNIQUE (supplier_id, cloud_instance_id),
    CONSTRAINT instance_active_from CHECK (state = 'PROVISIONING' OR active_from IS NOT NULL)
);

CREATE INDEX instance_unit ON instance (unit_id, system_id, state);
CREATE INDEX instance_line ON instance (order_line_id);

-- An IP address belongs to one instance within a supplier's cloud.
CREATE TABLE instance_address (
    instance_id uuid NOT NULL REFERENCES instance (id) ON DELETE CASCADE,
    supplier_id uuid NOT NULL REFERENCES organization (id),
    address     inet NOT NULL,
    CONSTRAINT instance_address_unique UNIQUE (supplier_id, address)
);

CREATE INDEX instance_address_instance ON instance_address (instance_id);
