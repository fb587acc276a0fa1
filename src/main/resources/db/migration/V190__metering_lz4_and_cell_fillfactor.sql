-- ADR 0039. The request batches, the consumer's state blocks and held samples are ~20-40 KB of
-- binary samples that pglz tries to compress (about 2 ms each) and then stores uncompressed
-- anyway; lz4 compresses them by ~20 % in a tenth of the time. Where the server is built without
-- lz4, they are stored without compression (no attempt at all).
DO $$
BEGIN
    ALTER TABLE metering_batch ALTER COLUMN samples SET COMPRESSION lz4;
    ALTER TABLE metering_series_state ALTER COLUMN states SET COMPRESSION lz4;
    ALTER TABLE metering_held ALTER COLUMN samples SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    ALTER TABLE metering_batch ALTER COLUMN samples SET STORAGE EXTERNAL;
    ALTER TABLE metering_series_state ALTER COLUMN states SET STORAGE EXTERNAL;
    ALTER TABLE metering_held ALTER COLUMN samples SET STORAGE EXTERNAL;
END
$$;

-- 5-minute cells are updated about once per sample until their day is packed: with half of each
-- page free the updates are HOT (no new index entry). New partitions get it from Partitions;
-- existing ones for the pages they add from now on.
DO $$
DECLARE
    part regclass;
BEGIN
    FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'metering_5m'::regclass LOOP
        EXECUTE format('ALTER TABLE %s SET (fillfactor = 50)', part);
    END LOOP;
END
$$;
