-- Retention of the audit trail (issue 19, ADR 0037): records older than the online retention are
-- archived to a signed file and pruned. Each archive is also the checkpoint the online chain's
-- verification starts from: its last record's seq and hash.
CREATE TABLE audit_archive (
    id              bigserial    PRIMARY KEY,
    period          varchar(7)   NOT NULL,
    first_seq       bigint       NOT NULL,
    last_seq        bigint       NOT NULL UNIQUE,
    first_prev_hash char(64)     NOT NULL,
    last_hash       char(64)     NOT NULL,
    records         bigint       NOT NULL,
    file_name       varchar(200) NOT NULL,
    signature       varchar(100) NOT NULL,
    archived_at     timestamptz  NOT NULL,
    CHECK (first_seq <= last_seq AND records = last_seq - first_seq + 1)
);

-- Archives are written once, like the records they hold.
CREATE TRIGGER audit_archive_no_update BEFORE UPDATE OR DELETE ON audit_archive
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON audit_archive
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- A record may now be deleted, but only once an archive holds it (seq up to the last checkpoint);
-- changing a record and deleting any other stays refused.
CREATE FUNCTION audit_event_prune_archived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT coalesce(max(last_seq), 0) FROM audit_archive) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER audit_event_no_update ON audit_event;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_prune_archived();
