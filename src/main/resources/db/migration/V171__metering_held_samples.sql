-- Late registration (issue 12, ADR 0036): samples of a host not (yet) in the inventory are held,
-- one row per request and host, for govcloud.metering.held-for (7 days); when the host is recorded
-- they become one batch of the rollup consumer, and rows older than that are pruned.
-- Their series are stored without an instance until then.
ALTER TABLE metering_series ALTER COLUMN instance_id DROP NOT NULL;

CREATE TABLE metering_held (
    id          bigserial     PRIMARY KEY,
    supplier_id uuid          NOT NULL,
    match_value varchar(300)  NOT NULL,
    received_at timestamptz   NOT NULL DEFAULT clock_timestamp(),
    samples     bytea         NOT NULL
);

CREATE INDEX metering_held_host ON metering_held (supplier_id, match_value);
CREATE INDEX metering_held_received ON metering_held (received_at);
