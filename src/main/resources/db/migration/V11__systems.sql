-- The application-system register (Art. 3, 15, PRODUCT C2).
CREATE TABLE application_system (
    id                  uuid          PRIMARY KEY,
    unit_id             uuid          NOT NULL REFERENCES organization (id),
    name                varchar(100)  NOT NULL,
    purpose             varchar(2000) NOT NULL,
    security_officer_id uuid          REFERENCES app_user (id),
    protection_level    smallint      CHECK (protection_level BETWEEN 1 AND 5),
    filing_number       varchar(50),
    last_assessment_on  date,
    hosting_status      varchar(20)   NOT NULL CHECK (hosting_status IN ('PLANNED', 'ON_PLATFORM',
                                          'LEGACY_SELF_HOSTED', 'MIGRATING', 'EXEMPT', 'OFFLINE')),
    migration_target_on date,
    exemption_basis     varchar(2000),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);

CREATE UNIQUE INDEX application_system_name ON application_system (unit_id, lower(name));
CREATE INDEX application_system_status ON application_system (hosting_status);

-- Construction plans and exemption documents, versioned, kept in the database so that a database
-- backup contains them. Never deleted.
CREATE TABLE system_document (
    id           uuid         PRIMARY KEY,
    system_id    uuid         NOT NULL REFERENCES application_system (id),
    purpose      varchar(20)  NOT NULL CHECK (purpose IN ('CONSTRUCTION_PLAN', 'EXEMPTION')),
    version      int          NOT NULL,
    file_name    varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    content      bytea        NOT NULL,
    uploaded_by  uuid         NOT NULL REFERENCES app_user (id),
    uploaded_at  timestamptz  NOT NULL,
    UNIQUE (system_id, purpose, version)
);
