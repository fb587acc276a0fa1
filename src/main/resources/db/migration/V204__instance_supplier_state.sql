-- A supplier's inventory by state (its list of active hosts and that list's count, issue 13,
-- ADR 0047): from this index instead of reading the supplier's ~26,000 instances at tier L.
CREATE INDEX instance_supplier_state ON instance (supplier_id, state);
