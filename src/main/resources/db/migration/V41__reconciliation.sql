-- The daily consistency run (PRODUCT C6): one row per city day, so that the Commission's
-- managers hear of the day's violations once, however many nodes run the job.
CREATE TABLE consistency_run (
    day        date        PRIMARY KEY,
    violations int         NOT NULL CHECK (violations >= 0),
    ran_at     timestamptz NOT NULL
);
