-- Rightsizing (Art. 8, PRODUCT C8): the mode the Commission chose, and the recommendations
-- recomputed daily, kept with the day they were computed on. The evidence (the daily
-- figures) stays in metering's daily rollups and is read from there for the window.
CREATE TABLE rightsizing_mode (
    id         boolean      PRIMARY KEY DEFAULT true CHECK (id),
    mode       varchar(20)  NOT NULL CHECK (mode IN ('CONSERVATIVE', 'MODERATE', 'AGGRESSIVE')),
    chosen_at  timestamptz  NOT NULL,
    chosen_by  uuid         NOT NULL
);

CREATE TABLE rightsizing_recommendation (
    id                uuid          PRIMARY KEY,
    instance_id       uuid          NOT NULL REFERENCES instance (id),
    computed_on       date          NOT NULL,
    instance_name     varchar(100)  NOT NULL,
    unit_id           uuid          NOT NULL,
    supplier_id       uuid          NOT NULL,
    system_id         uuid          NOT NULL,
    kind_code         varchar(40)   NOT NULL,
    mode              varchar(20)   NOT NULL,
    action            varchar(20)   NOT NULL CHECK (action IN ('DOWNSIZE', 'UPSIZE', 'RELEASE', 'INSUFFICIENT_DATA', 'KEEP')),
    cpu_figure        double precision,
    memory_figure     double precision,
    days_measured     int           NOT NULL,
    supplier_to_check boolean       NOT NULL,
    current_spec      jsonb         NOT NULL,
    recommended_spec  jsonb,
    monthly_saving    numeric(14,2) NOT NULL,
    yearly_saving     numeric(14,2) NOT NULL,
    unit_prices       jsonb         NOT NULL,
    UNIQUE (instance_id, computed_on)
);

CREATE INDEX rightsizing_recommendation_day ON rightsizing_recommendation (computed_on, unit_id, action);
