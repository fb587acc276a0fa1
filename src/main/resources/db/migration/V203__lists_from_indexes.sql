-- Lists and look-ups the load test found reading whole tables at tier L (issue 13, ADR 0047).
-- A work order's instances (its page and API): by the order, not a scan of 30,000 instances.
CREATE INDEX instance_work_order ON instance (work_order_id);
-- The contract and application lists' default order (newest first): the first page walks the
-- index and stops, instead of joining and sorting every contract (5,500) or application (7,200).
CREATE INDEX contract_by_created ON contract (created_at DESC, id);
CREATE INDEX resource_application_by_created ON resource_application (created_at DESC, number DESC);
-- The systems list's default order (unit name, system name): units in name order, each unit's
-- systems from its own index, sorted a unit at a time.
CREATE INDEX organization_by_name ON organization (name, id);
CREATE INDEX application_system_by_unit_name ON application_system (unit_id, name, id);
-- The units a supplier serves, read for each of its requests (DataScopes): from the index alone.
DROP INDEX contract_supplier;
CREATE INDEX contract_supplier ON contract (supplier_id, status) INCLUDE (unit_id);
-- The work orders' list, newest first.
CREATE INDEX work_order_by_created ON work_order (created_at DESC, id);
