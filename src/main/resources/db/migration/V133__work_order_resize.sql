-- Resize orders (Art. 8): a standing release order of rightsizing asks the supplier to resize
-- named instances to a new spec from its effective date; the contract is already amended from
-- that date, so completing the order changes the instances' spec and nothing else.
DO $$
DECLARE
    kind_check text;
BEGIN
    SELECT conname INTO kind_check FROM pg_constraint
    WHERE conrelid = 'work_order'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%RECLAIM%';
    EXECUTE format('ALTER TABLE work_order DROP CONSTRAINT %I', kind_check);
END $$;
ALTER TABLE work_order ADD CONSTRAINT work_order_kind_check CHECK (kind IN ('PROVISION', 'RECLAIM', 'RESIZE'));

CREATE TABLE work_order_resize (
    work_order_id uuid    NOT NULL REFERENCES work_order (id),
    instance_id   uuid    NOT NULL REFERENCES instance (id),
    from_spec     jsonb   NOT NULL,
    to_spec       jsonb   NOT NULL,
    resized_on    date,
    PRIMARY KEY (work_order_id, instance_id)
);

CREATE INDEX work_order_resize_instance ON work_order_resize (instance_id);
