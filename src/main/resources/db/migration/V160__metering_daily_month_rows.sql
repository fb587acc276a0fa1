-- Daily rollups packed one row per series and city month (issue 12, ADR 0035): a row of
-- metering_1d (one per series and city day with an int[] histogram, ~660 bytes) becomes a
-- day slot of metering_1d_month (31 slots: average and max as real, samples, and 24 bytes of
-- sketch: the number of 5-minute averages and 11 of their quantiles as 16-bit codes, see
-- DaySketch.java). bucket is the city midnight (Asia/Shanghai) starting the month.
CREATE TABLE metering_1d_month (
    instance_id uuid         NOT NULL,
    metric      smallint     NOT NULL,
    dimension   varchar(200) NOT NULL,
    bucket      timestamptz  NOT NULL,
    avg         real[]       NOT NULL,
    max         real[]       NOT NULL,
    count       int[]        NOT NULL,
    sketch      bytea        NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

-- The sketch of a day from its histogram: each quantile is its bin's middle (within the
-- histogram's 0.25 points / 1 %), as the p95 read from it was before.
CREATE FUNCTION metering_v160_sketch(m smallint, bins int[], counts int[]) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n int := 0;
    result bytea;
    f float8;
    r int;
    seen int;
    i int;
    v float8;
    code int;
BEGIN
    SELECT coalesce(sum(c), 0) INTO n FROM unnest(counts) c;
    result := int2send(least(n, 32767)::int2);
    FOREACH f IN ARRAY ARRAY[0, 0.25, 0.5, 0.75, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1]::float8[] LOOP
        r := greatest(1, ceil(f * n - 1e-9)::int);
        seen := 0;
        v := 0;
        FOR i IN 1 .. coalesce(array_length(bins, 1), 0) LOOP
            seen := seen + counts[i];
            IF seen >= r THEN
                v := CASE WHEN m IN (0, 1, 2) THEN least((bins[i] + 0.5) / 200, 1)
                          WHEN bins[i] = 0 THEN 0 ELSE power(1.02, bins[i] - 1) * 1.01 END;
                EXIT;
            END IF;
        END LOOP;
        code := CASE WHEN m IN (0, 1, 2) THEN least(round(v * 30000), 32767)
                     ELSE least(round(ln(1 + v) * 1000), 32767) END;
        result := result || int2send(code::int2);
    END LOOP;
    RETURN result;
END $$;

DO $$
DECLARE
    y int;
BEGIN
    FOR y IN SELECT DISTINCT extract(year FROM date_trunc('month', bucket AT TIME ZONE 'Asia/Shanghai')
                                                AT TIME ZONE 'Asia/Shanghai' AT TIME ZONE 'UTC')::int
             FROM metering_1d LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS metering_1d_month_p%s PARTITION OF metering_1d_month '
                       || 'FOR VALUES FROM (%L) TO (%L)', y, y || '-01-01T00:00:00Z', (y + 1) || '-01-01T00:00:00Z');
    END LOOP;
END $$;

INSERT INTO metering_1d_month (instance_id, metric, dimension, bucket, avg, max, count, sketch)
SELECT k.instance_id, k.metric, k.dimension, k.month,
       array_agg(coalesce((d.sum / nullif(d.count, 0))::real, 'NaN') ORDER BY s),
       array_agg(coalesce(d.max::real, 'NaN') ORDER BY s), array_agg(coalesce(d.count, 0) ORDER BY s),
       string_agg(coalesce(metering_v160_sketch(d.metric, d.bins, d.bin_counts), decode(repeat('00', 24), 'hex')),
                  ''::bytea ORDER BY s)
FROM (SELECT DISTINCT instance_id, metric, dimension,
             date_trunc('month', bucket AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS month
      FROM metering_1d) k
CROSS JOIN generate_series(0, 30) s
LEFT JOIN metering_1d d ON d.instance_id = k.instance_id AND d.metric = k.metric AND d.dimension = k.dimension
     AND d.bucket = k.month + s * interval '1 day' AND d.count > 0
     AND date_trunc('month', d.bucket AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' = k.month
GROUP BY 1, 2, 3, 4;

DROP FUNCTION metering_v160_sketch(smallint, int[], int[]);

DROP TABLE metering_1d;
