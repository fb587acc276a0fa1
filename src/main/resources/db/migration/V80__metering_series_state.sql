-- Metering at tier L (issue 12, ADR 0012): the rollup consumer's per-series state (last
-- timestamp and value, for counter rates and duplicate detection at start) leaves
-- metering_series, where it cost one row update per series per consumer transaction.
-- It is kept packed per block of 1000 series ids (ids are handed out in such blocks):
-- per series int id, bigint ms, float8 value, big-endian (the batch samples' layout),
-- and only the blocks that changed are written, in the consumer's transaction.
CREATE TABLE metering_series_state (
    block  int   PRIMARY KEY,
    states bytea NOT NULL
);

INSERT INTO metering_series_state (block, states)
SELECT id / 1000, string_agg(int4send(id) || int8send(last_ts) || float8send(last_value), ''::bytea ORDER BY id)
FROM metering_series WHERE last_ts IS NOT NULL
GROUP BY id / 1000;

ALTER TABLE metering_series DROP COLUMN last_ts, DROP COLUMN last_value;
