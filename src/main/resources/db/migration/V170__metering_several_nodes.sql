-- Several nodes on one database (issue 12, ADR 0036).
-- A series has one id in the cluster: the first node to store it names it, the others take that
-- id (INSERT … ON CONFLICT on the supplier and the digest of the label key). Series that two nodes
-- stored apart before this version keep their rows (rollups do not refer to series ids); the later
-- one is retired under a key no request produces.
UPDATE metering_series s
SET label_key = s.label_key || '\x00ffffffff'::bytea || int4send(s.id)
WHERE EXISTS (SELECT 1 FROM metering_series o
              WHERE o.supplier_id = s.supplier_id AND o.label_key = s.label_key AND o.id < s.id);

CREATE UNIQUE INDEX metering_series_key ON metering_series (supplier_id, sha256(label_key));

-- Counts the consumer's transactions: a consumer whose last transaction was not the one before
-- (another node consumed in between) reloads the series state before merging.
ALTER TABLE metering_consumer ADD COLUMN runs bigint NOT NULL DEFAULT 0;
