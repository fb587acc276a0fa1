-- Which instances changed, for readers that keep the matchable instances in memory (metering's
-- instance matcher, issue 12, ADR 0036): every insert, update or delete of an instance or of one
-- of its addresses records the instance with the writing transaction's id. A reader asks for the
-- rows whose transaction id is at or above the oldest transaction running at its previous read, so
-- a change committed late is read too (perhaps twice), and only changed rows are read.
CREATE TABLE instance_change (
    instance_id uuid   PRIMARY KEY,
    tx          bigint NOT NULL
);

CREATE INDEX instance_change_tx ON instance_change (tx);

CREATE FUNCTION instance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO instance_change (instance_id, tx)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, pg_current_xact_id()::text::bigint)
    ON CONFLICT (instance_id) DO UPDATE SET tx = EXCLUDED.tx;
    RETURN NULL;
END $$;

CREATE FUNCTION instance_address_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO instance_change (instance_id, tx)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.instance_id ELSE NEW.instance_id END,
            pg_current_xact_id()::text::bigint)
    ON CONFLICT (instance_id) DO UPDATE SET tx = EXCLUDED.tx;
    RETURN NULL;
END $$;

CREATE TRIGGER instance_change AFTER INSERT OR UPDATE OR DELETE ON instance
    FOR EACH ROW EXECUTE FUNCTION instance_changed();
CREATE TRIGGER instance_address_change AFTER INSERT OR UPDATE OR DELETE ON instance_address
    FOR EACH ROW EXECUTE FUNCTION instance_address_changed();

INSERT INTO instance_change (instance_id, tx) SELECT id, pg_current_xact_id()::text::bigint FROM instance;
