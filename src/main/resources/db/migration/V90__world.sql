-- Generated worlds (ADR 0013): one row per generation, so a world is generated once per
-- database (the embedded default's first start) and its size and timing can be read back.
CREATE TABLE world_generation (
    id           uuid        PRIMARY KEY,
    tier         varchar(10) NOT NULL,
    units        int         NOT NULL,
    systems      int         NOT NULL,
    hosts        int         NOT NULL,
    days         int         NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz
);
