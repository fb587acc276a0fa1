-- The security administrator's sign-in policy (issue 19): each setting kept here once changed;
-- a setting without a row takes its default from application.yml. Owned by organization.
CREATE TABLE organization_security_policy (
    name       varchar(50)  PRIMARY KEY,
    value      varchar(500) NOT NULL,
    changed_at timestamptz  NOT NULL,
    changed_by varchar(50)  NOT NULL
);
