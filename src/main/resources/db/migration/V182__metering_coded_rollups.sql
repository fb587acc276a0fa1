-- Metering at tier L (issue 12, ADR 0038): packed rollups as 16-bit codes, hourly rows per
-- series and UTC month.
-- metering_5m_day keeps one row per series and UTC day (288 slots), but avg and max become
-- smallint codes (DaySketch: ratios to 1/30,000, network rates logarithmic to 0.1 %), 0
-- where count is 0. metering_1h_day (one row per series and UTC day, real[24]) becomes
-- metering_1h_month: one row per series and UTC month, 744 slots ((day − 1) × 24 + hour)
-- of codes and smallint counts. metering_value(metric, code) decodes in SQL (the readers'
-- SQL uses it), metering_code(metric, value) is its inverse, as in DaySketch.

CREATE FUNCTION metering_code(metric smallint, v double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v IS NULL OR v = 'NaN'::float8 OR v <= 0 THEN 0
                WHEN metric IN (0, 1, 2) THEN least(floor(v * 30000 + 0.5), 32767)
                ELSE least(floor(ln(1 + v) * 1000 + 0.5), 32767) END::smallint
$$;

CREATE FUNCTION metering_value(metric smallint, code smallint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN metric IN (0, 1, 2) THEN code / 30000::float8 ELSE exp(code / 1000::float8) - 1 END
$$;

CREATE FUNCTION metering_codes(metric smallint, v real[]) RETURNS smallint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(metering_code(metric, x) ORDER BY n) FROM unnest(v) WITH ORDINALITY AS u(x, n)
$$;

-- The bulk history load may add days to a month row written by an earlier call: a slot
-- with samples in the new row replaces the old one.
CREATE FUNCTION metering_merge_slots(old smallint[], new smallint[], taken smallint[]) RETURNS smallint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(CASE WHEN t > 0 THEN n ELSE o END ORDER BY i)
    FROM unnest(old, new, taken) WITH ORDINALITY AS u(o, n, t, i)
$$;

ALTER TABLE metering_5m_day
    ALTER COLUMN avg TYPE smallint[] USING metering_codes(metric, avg),
    ALTER COLUMN max TYPE smallint[] USING metering_codes(metric, max);

CREATE TABLE metering_1h_month (
    instance_id uuid         NOT NULL,
    metric      smallint     NOT NULL,
    dimension   varchar(200) NOT NULL,
    bucket      timestamptz  NOT NULL,
    avg         smallint[]   NOT NULL,
    max         smallint[]   NOT NULL,
    count       smallint[]   NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

DO $$
DECLARE
    m date;
BEGIN
    FOR m IN SELECT DISTINCT date_trunc('month', bucket AT TIME ZONE 'UTC')::date FROM metering_1h_day LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS metering_1h_month_p%s PARTITION OF metering_1h_month '
                       || 'FOR VALUES FROM (%L) TO (%L)', to_char(m, 'YYYYMM'), m::text || 'T00:00:00Z',
                       (m + interval '1 month')::date::text || 'T00:00:00Z');
    END LOOP;
END $$;

-- A month row is its 31 days' 24 slots in day order (a missing day, or day 31 of a shorter
-- month, as 24 empty slots): 31 joined rows per series and month, not 744.
INSERT INTO metering_1h_month (instance_id, metric, dimension, bucket, avg, max, count)
SELECT k.instance_id, k.metric, k.dimension, k.month,
       ('{' || string_agg(coalesce(array_to_string(metering_codes(k.metric, d.avg), ','), z.empty), ','
                          ORDER BY s) || '}')::smallint[],
       ('{' || string_agg(coalesce(array_to_string(metering_codes(k.metric, d.max), ','), z.empty), ','
                          ORDER BY s) || '}')::smallint[],
       ('{' || string_agg(coalesce((SELECT string_agg(least(c, 32767)::text, ',' ORDER BY n)
                                    FROM unnest(d.count) WITH ORDINALITY AS u(c, n)), z.empty), ','
                          ORDER BY s) || '}')::smallint[]
FROM (SELECT DISTINCT instance_id, metric, dimension, date_trunc('month', bucket, 'UTC') AS month
      FROM metering_1h_day) k
CROSS JOIN generate_series(0, 30) s
CROSS JOIN (SELECT array_to_string(array_fill(0, ARRAY[24]), ',') AS empty) z
LEFT JOIN metering_1h_day d
       ON d.instance_id = k.instance_id AND d.metric = k.metric AND d.dimension = k.dimension
          AND d.bucket = k.month + s * interval '24 hours'
          AND k.month + s * interval '24 hours' < date_trunc('month', k.month + interval '32 days', 'UTC')
GROUP BY 1, 2, 3, 4;

DROP TABLE metering_1h_day;

-- The trend aggregates' maxima are the decoded codes, exact as double precision.
ALTER TABLE metering_trend_1h ALTER COLUMN max TYPE double precision[];
