-- Inventory does not reference termination's tables (issue 11 §3, ADR 0016). The code runs
-- termination → inventory: termination asks ReclaimOrders to open reclaim orders and hears
-- ResourcesReclaimed; inventory never reads a termination. V50 made the schema run both ways
-- (termination_instance → instance, and work_order.termination_id → termination), a cycle.
-- The link stays where the dependency runs: termination_instance references instance, and a
-- reclaim order keeps the id of the request it carries out (a termination's, for the
-- termination module to find its orders) as inventory's own column, without a foreign key.
-- The existing ids stay in place under the new name.
ALTER TABLE work_order DROP CONSTRAINT work_order_termination_id_fkey;
ALTER TABLE work_order RENAME COLUMN termination_id TO reclaim_request_id;
ALTER INDEX work_order_per_termination RENAME TO work_order_per_reclaim_request;
COMMENT ON COLUMN work_order.reclaim_request_id IS
    'The request a reclaim order carries out (a termination''s id); NULL for provisioning orders and amendments';
