-- The rollup consumer finds a series' instance's totals (node_memory_MemTotal_bytes = kind 2,
-- node_filesystem_size_bytes = kind 5; SeriesKind's codes) by instance. Nothing else reads
-- metering_series by instance, so only those two kinds of eleven are indexed: a request that
-- registers new series writes a fraction of the entries it wrote (issue 12, ADR 0051).
DROP INDEX metering_series_instance;
CREATE INDEX metering_series_totals ON metering_series (instance_id) WHERE kind IN (2, 5);
