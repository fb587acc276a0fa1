-- Release orders carried out (Art. 8): the order's saving as a column (the list sorts by it);
-- a standing order is carried out on its effective date once (carried_out_at): each contract
-- of its instances is amended from that date, with the monthly amount billed before and after,
-- and the supplier's work orders that reclaim and resize.
ALTER TABLE rightsizing_order ADD COLUMN monthly_saving numeric(14,2) NOT NULL DEFAULT 0;
ALTER TABLE rightsizing_order ADD COLUMN carried_out_at timestamptz;

UPDATE rightsizing_order o
SET monthly_saving = coalesce((SELECT sum(l.monthly_saving) FROM rightsizing_order_line l WHERE l.order_id = o.id), 0);

CREATE INDEX rightsizing_order_to_carry_out ON rightsizing_order (effective_on)
    WHERE carried_out_at IS NULL AND status IN ('ACCEPTED', 'LAPSED', 'UPHELD', 'MODIFIED');

CREATE TABLE rightsizing_order_contract (
    order_id        uuid          NOT NULL REFERENCES rightsizing_order (id),
    contract_id     uuid          NOT NULL,
    contract_number varchar(40)   NOT NULL,
    version         int           NOT NULL,
    effective_from  date          NOT NULL,
    billed_before   numeric(14,2) NOT NULL,
    billed_after    numeric(14,2) NOT NULL,
    reclaim_order_id uuid,
    resize_order_id  uuid,
    PRIMARY KEY (order_id, contract_id)
);
