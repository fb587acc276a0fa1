-- The inventory's lists in name order without sorting the city (issue 13, ADR 0043): the
-- instance list (by system name, instance name, id) and the page's first systems with work
-- orders (by name) walk these indexes and stop at the page's end. Before, every page of the
-- Commission's or a supplier's list sorted all ~35,000 instances (60-230 ms at tier L).
CREATE INDEX application_system_by_name ON application_system (name, id);
CREATE INDEX instance_by_system ON instance (system_id, name, id);
CREATE INDEX work_order_by_system ON work_order (system_id);
-- The utilisation page's instances, 50 a page in name order (code point order, as Java
-- compares names): the Commission's first page reads 50 index entries, not 30,000 rows.
CREATE INDEX instance_by_name ON instance (name COLLATE "C", id);
