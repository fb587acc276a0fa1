-- Metering at tier L (issue 12, ADR 0012): rollups packed one row per series and UTC day.
-- metering_5m keeps one row per 5-minute cell only for days not yet packed (today, and a
-- late sample's day until it is packed again); a finished day moves into metering_5m_day
-- (288 slots: the 5-minute average and max as real, the count) and metering_1h_day (24
-- slots, the same for hours), and its metering_5m partition is dropped. The hourly rows no
-- longer keep every 5-minute value (fives): beyond the 5-minute retention p95 comes from
-- the daily histograms. sealed_hour now marks the first UTC day not packed.
CREATE TABLE metering_5m_day (
    instance_id uuid         NOT NULL,
    metric      smallint     NOT NULL,
    dimension   varchar(200) NOT NULL,
    bucket      timestamptz  NOT NULL,
    avg         real[]       NOT NULL,
    max         real[]       NOT NULL,
    count       smallint[]   NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

CREATE TABLE metering_1h_day (
    instance_id uuid         NOT NULL,
    metric      smallint     NOT NULL,
    dimension   varchar(200) NOT NULL,
    bucket      timestamptz  NOT NULL,
    avg         real[]       NOT NULL,
    max         real[]       NOT NULL,
    count       int[]        NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

-- Hours of days whose 5-minute rows are gone carry over; the others are packed again from
-- their 5-minute rows by the consumer.
DO $$
DECLARE
    m date;
BEGIN
    FOR m IN SELECT DISTINCT date_trunc('month', bucket AT TIME ZONE 'UTC')::date FROM metering_1h LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS metering_1h_day_p%s PARTITION OF metering_1h_day '
                       || 'FOR VALUES FROM (%L) TO (%L)', to_char(m, 'YYYYMM'), m::text || 'T00:00:00Z',
                       (m + interval '1 month')::date::text || 'T00:00:00Z');
    END LOOP;
END $$;

INSERT INTO metering_1h_day (instance_id, metric, dimension, bucket, avg, max, count)
SELECT k.instance_id, k.metric, k.dimension, k.day,
       array_agg(coalesce((h.sum / h.count)::real, 'NaN') ORDER BY s),
       array_agg(coalesce(h.max::real, 'NaN') ORDER BY s), array_agg(coalesce(h.count, 0) ORDER BY s)
FROM (SELECT DISTINCT instance_id, metric, dimension, date_trunc('day', bucket, 'UTC') AS day FROM metering_1h
      WHERE bucket < coalesce((SELECT date_trunc('day', min(bucket), 'UTC') FROM metering_5m), 'infinity')) k
CROSS JOIN generate_series(0, 23) s
LEFT JOIN metering_1h h ON h.instance_id = k.instance_id AND h.metric = k.metric AND h.dimension = k.dimension
     AND h.bucket = k.day + s * interval '1 hour'
GROUP BY 1, 2, 3, 4;

DROP TABLE metering_1h;

UPDATE metering_consumer SET sealed_hour = NULL;
