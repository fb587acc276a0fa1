-- Tender price lists (Art. 5, 7): per supplier and procurement, unit prices per billed dimension.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE price_list (
    id            uuid         PRIMARY KEY,
    supplier_id   uuid         NOT NULL REFERENCES organization (id),
    tender_number varchar(60)  NOT NULL,
    awarded_on    date         NOT NULL,
    note          varchar(500),
    created_by    uuid         REFERENCES app_user (id),
    created_at    timestamptz  NOT NULL,
    UNIQUE (supplier_id, tender_number)
);

CREATE TABLE price_line (
    id             uuid          PRIMARY KEY,
    price_list_id  uuid          NOT NULL REFERENCES price_list (id),
    supplier_id    uuid          NOT NULL REFERENCES organization (id),
    kind_code      varchar(40)   NOT NULL REFERENCES resource_kind (code),
    dimension      varchar(40)   NOT NULL,
    billing_unit   varchar(20)   NOT NULL CHECK (billing_unit IN ('VCPU_MONTH', 'GIB_MONTH', 'MBPS_MONTH', 'INSTANCE_MONTH')),
    unit_price     numeric(14,2) NOT NULL CHECK (unit_price > 0),
    effective_from date          NOT NULL,
    effective_to   date,
    CONSTRAINT price_line_period CHECK (effective_to IS NULL OR effective_to >= effective_from),
    -- One price in force per supplier, kind and dimension on any day.
    CONSTRAINT price_line_no_overlap EXCLUDE USING gist (
        supplier_id WITH =, kind_code WITH =, dimension WITH =,
        daterange(effective_from, effective_to, '[]') WITH &&)
);
