-- Audit trail (PRODUCT C15): append-only, hash-chained with SM3.
CREATE TABLE audit_event (
    seq            bigint       PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL,
    actor          varchar(100) NOT NULL,
    organization   varchar(200),
    action         varchar(100) NOT NULL,
    target         varchar(500),
    outcome        varchar(20)  NOT NULL,
    client_address varchar(100),
    detail         text,
    prev_hash      char(64)     NOT NULL,
    hash           char(64)     NOT NULL
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor);
CREATE INDEX audit_event_hash ON audit_event (hash);

-- Nobody running as GovCloud's role may change or remove a record: only appends.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
