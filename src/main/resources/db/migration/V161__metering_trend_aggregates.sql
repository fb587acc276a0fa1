-- Hourly trend aggregates per group of instances (issue 12, ADR 0035): the whole city
-- ('C', the nil uuid), each unit ('U') and each supplier ('S'), one row per metric and UTC
-- day with 24 slots: the sum of the (instance, dimension) rows' hourly averages, how many
-- such rows, their highest max and how many instances had data. Written when a day is
-- packed (and by the bulk history load), so a month's trend of a unit or the city reads
-- ~30 rows instead of every instance's hourly points. Instances count for the unit and
-- supplier they belong to when their day is packed.
CREATE TABLE metering_trend_1h (
    scope     char(1)  NOT NULL CHECK (scope IN ('C', 'U', 'S')),
    owner     uuid     NOT NULL,
    metric    smallint NOT NULL,
    bucket    timestamptz NOT NULL,
    total     float8[] NOT NULL,
    rows      int[]    NOT NULL,
    max       real[]   NOT NULL,
    instances int[]    NOT NULL,
    PRIMARY KEY (scope, owner, metric, bucket)
);

INSERT INTO metering_trend_1h (scope, owner, metric, bucket, total, rows, max, instances)
SELECT scope, owner, metric, bucket, array_agg(coalesce(total, 0) ORDER BY n), array_agg(coalesce(rows, 0) ORDER BY n),
       array_agg(coalesce(max, '-Infinity') ORDER BY n), array_agg(coalesce(instances, 0) ORDER BY n)
FROM (SELECT k.scope, k.owner, k.metric, k.bucket, s.n, g.total, g.rows, g.max, g.instances
      FROM (SELECT g.scope, g.owner, h.metric, h.bucket
            FROM metering_1h_day h JOIN instance i ON i.id = h.instance_id
            CROSS JOIN LATERAL (VALUES ('C', '00000000-0000-0000-0000-000000000000'::uuid), ('U', i.unit_id),
                                       ('S', i.supplier_id)) g(scope, owner)
            GROUP BY 1, 2, 3, 4) k
      CROSS JOIN generate_series(1, 24) s(n)
      LEFT JOIN (SELECT g.scope, g.owner, h.metric, h.bucket, u.n, sum(u.a::float8) AS total, count(*)::int AS rows,
                        max(u.x) AS max, count(DISTINCT h.instance_id)::int AS instances
                 FROM metering_1h_day h JOIN instance i ON i.id = h.instance_id
                 CROSS JOIN LATERAL unnest(h.avg, h.max, h.count) WITH ORDINALITY AS u(a, x, c, n)
                 CROSS JOIN LATERAL (VALUES ('C', '00000000-0000-0000-0000-000000000000'::uuid), ('U', i.unit_id),
                                            ('S', i.supplier_id)) g(scope, owner)
                 WHERE u.c > 0
                 GROUP BY 1, 2, 3, 4, 5) g
        ON g.scope = k.scope AND g.owner = k.owner AND g.metric = k.metric AND g.bucket = k.bucket AND g.n = s.n) x
GROUP BY 1, 2, 3, 4;
