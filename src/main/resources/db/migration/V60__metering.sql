-- Metering (Art. 8, 12; PRODUCT C7; ADR 0010): ingest credentials, series, durable
-- request batches, and the 5-minute / hourly / daily utilisation rollups.

-- A supplier's ingest credential, issued by the Commission: shown once, kept as its SM3 hash.
CREATE TABLE metering_credential (
    id          uuid          PRIMARY KEY,
    supplier_id uuid          NOT NULL REFERENCES organization (id),
    label       varchar(100)  NOT NULL,
    token_hash  char(64)      NOT NULL UNIQUE,
    prefix      varchar(12)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    created_by  uuid          REFERENCES app_user (id),
    revoked_at  timestamptz
);

CREATE INDEX metering_credential_supplier ON metering_credential (supplier_id);

-- A series GovCloud stores samples of: its labels (the normalised label bytes are its
-- identity within the supplier), what it measures and the instance it was matched to.
-- last_ts / last_value are the rollup consumer's state (counter rates, gauge pairs).
CREATE TABLE metering_series (
    id          int           PRIMARY KEY,
    supplier_id uuid          NOT NULL,
    label_key   bytea         NOT NULL,
    labels      text          NOT NULL,
    kind        smallint      NOT NULL,
    dimension   varchar(200)  NOT NULL,
    match_value varchar(300)  NOT NULL,
    instance_id uuid          NOT NULL,
    created_at  timestamptz   NOT NULL,
    last_ts     bigint,
    last_value  double precision
);

CREATE INDEX metering_series_instance ON metering_series (instance_id);

-- Series ids are handed out in blocks of 1000 per node (one nextval per block).
CREATE SEQUENCE metering_series_block INCREMENT BY 1000 START WITH 1;

-- One row per acknowledged remote-write (or JSON/CSV) request, committed before the answer:
-- the accepted samples (int series id, long ms timestamp, double value; big-endian) and the
-- request's counts. The rollup consumer folds the counts into metering_totals and deletes
-- the row in the transaction that merges its samples.
CREATE TABLE metering_batch (
    id           bigserial     PRIMARY KEY,
    supplier_id  uuid          NOT NULL,
    received_at  timestamptz   NOT NULL DEFAULT clock_timestamp(),
    received     int           NOT NULL,
    stored       int           NOT NULL,
    ignored      int           NOT NULL,
    duplicate    int           NOT NULL,
    out_of_order int           NOT NULL,
    rejected     int           NOT NULL,
    unmatched    int           NOT NULL,
    samples      bytea         NOT NULL
);

CREATE TABLE metering_totals (
    supplier_id  uuid          PRIMARY KEY,
    received     bigint        NOT NULL DEFAULT 0,
    stored       bigint        NOT NULL DEFAULT 0,
    ignored      bigint        NOT NULL DEFAULT 0,
    duplicate    bigint        NOT NULL DEFAULT 0,
    out_of_order bigint        NOT NULL DEFAULT 0,
    rejected     bigint        NOT NULL DEFAULT 0,
    unmatched    bigint        NOT NULL DEFAULT 0,
    batches      bigint        NOT NULL DEFAULT 0
);

-- Hosts seen in a supplier's series that match no inventory instance (for reconciliation).
CREATE TABLE metering_unregistered (
    supplier_id  uuid          NOT NULL,
    match_value  varchar(300)  NOT NULL,
    first_seen   timestamptz   NOT NULL,
    last_seen    timestamptz   NOT NULL,
    samples      bigint        NOT NULL,
    example      varchar(1000) NOT NULL,
    PRIMARY KEY (supplier_id, match_value)
);

-- Rollups. metric: 0 CPU, 1 MEMORY, 2 DISK, 3 NET_IN, 4 NET_OUT; dimension: mountpoint or
-- network device ('' for CPU and memory). avg = sum / count; max = highest point value.
-- Partitioned by time, partitions created ahead by the consumer and dropped for retention.
CREATE TABLE metering_5m (
    instance_id uuid             NOT NULL,
    metric      smallint         NOT NULL,
    dimension   varchar(200)     NOT NULL,
    bucket      timestamptz      NOT NULL,
    sum         double precision NOT NULL,
    count       int              NOT NULL,
    max         double precision NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

-- Sealed from the 5-minute rows when the hour is over: fives = the hour's 5-minute
-- averages, so a p95 "of 5-minute values" is exact for as long as hourly rows are kept.
CREATE TABLE metering_1h (
    instance_id uuid             NOT NULL,
    metric      smallint         NOT NULL,
    dimension   varchar(200)     NOT NULL,
    bucket      timestamptz      NOT NULL,
    sum         double precision NOT NULL,
    count       int              NOT NULL,
    max         double precision NOT NULL,
    fives       real[]           NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

-- Sealed from the hourly rows when the day is over: a sparse histogram of the day's
-- 5-minute averages (bins / bin_counts, see Histogram.java) gives p95 within a stated error.
CREATE TABLE metering_1d (
    instance_id uuid             NOT NULL,
    metric      smallint         NOT NULL,
    dimension   varchar(200)     NOT NULL,
    bucket      timestamptz      NOT NULL,
    sum         double precision NOT NULL,
    count       int              NOT NULL,
    max         double precision NOT NULL,
    bins        int[]            NOT NULL,
    bin_counts  int[]            NOT NULL,
    PRIMARY KEY (instance_id, metric, dimension, bucket)
) PARTITION BY RANGE (bucket);

-- The consumer's watermarks: hours and days before these are sealed.
CREATE TABLE metering_consumer (
    id          int           PRIMARY KEY CHECK (id = 1),
    sealed_hour timestamptz,
    sealed_day  timestamptz
);

INSERT INTO metering_consumer (id) VALUES (1);
