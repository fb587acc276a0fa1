-- Trend aggregates of the finished hours of UTC days not packed yet (issue 12): per group
-- (city 'C', unit 'U', supplier 'S'), metric and hour, the same figures as a slot of
-- metering_trend_1h — the sum of the (instance, dimension) rows' hourly averages, how many
-- rows, their highest max, how many instances — added up from the 5-minute cells once the
-- hour has ended ten minutes ago. A group's trend then reads per instance only the hour or
-- two not aggregated yet, instead of up to a whole day of cells of every instance (at
-- tier L, 30,000 hosts × 288 cells late in the UTC day). Rows of a packed day are deleted:
-- metering_trend_1h has the day then.
CREATE TABLE metering_trend_open (
    scope     char(1)          NOT NULL CHECK (scope IN ('C', 'U', 'S')),
    owner     uuid             NOT NULL,
    metric    smallint         NOT NULL,
    hour      timestamptz      NOT NULL,
    total     double precision NOT NULL,
    rows      int              NOT NULL,
    max       double precision NOT NULL,
    instances int              NOT NULL,
    PRIMARY KEY (scope, owner, metric, hour)
);

-- The hours aggregated (also those without any cell), in order from the first day not packed.
CREATE TABLE metering_trend_open_hour (
    hour timestamptz PRIMARY KEY
);
