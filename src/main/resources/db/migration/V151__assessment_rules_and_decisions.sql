-- The supplier's assessment (Art. 19): the Commission's rules per year, each save a new
-- version; the manual adjustments with their reasons; and the assessment of a supplier
-- and year the Commission issues, the supplier may object to within 10 working days, and
-- the Commission finalises with the figures and the rules version fixed.
CREATE TABLE assessment_rules (
    year             int         NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    version          int         NOT NULL CHECK (version >= 1),
    service_response int         NOT NULL CHECK (service_response BETWEEN 0 AND 100),
    satisfaction     int         NOT NULL CHECK (satisfaction BETWEEN 0 AND 100),
    quality          int         NOT NULL CHECK (quality BETWEEN 0 AND 100),
    saved_by         uuid        NOT NULL,
    saved_at         timestamptz NOT NULL,
    PRIMARY KEY (year, version),
    CHECK (service_response + satisfaction + quality = 100)
);

CREATE TABLE assessment_rule_indicator (
    year      int              NOT NULL,
    version   int              NOT NULL,
    position  int              NOT NULL,
    code      varchar(40)      NOT NULL,
    dimension varchar(20)      NOT NULL CHECK (dimension IN ('SERVICE_RESPONSE', 'SATISFACTION', 'QUALITY')),
    weight    int              NOT NULL CHECK (weight BETWEEN 0 AND 100),
    zero_at   double precision NOT NULL,
    full_at   double precision NOT NULL CHECK (full_at <> zero_at),
    PRIMARY KEY (year, version, position),
    UNIQUE (year, version, code),
    FOREIGN KEY (year, version) REFERENCES assessment_rules (year, version)
);

CREATE TABLE assessment_rule_band (
    year          int           NOT NULL,
    version       int           NOT NULL,
    min_score     numeric(5, 2) NOT NULL CHECK (min_score BETWEEN 0 AND 100),
    max_score     numeric(5, 2) NOT NULL CHECK (max_score BETWEEN 0 AND 100 AND max_score > min_score),
    ratio_percent int           NOT NULL CHECK (ratio_percent BETWEEN 0 AND 100),
    continues     boolean       NOT NULL,
    PRIMARY KEY (year, version, min_score),
    FOREIGN KEY (year, version) REFERENCES assessment_rules (year, version)
);

CREATE TABLE assessment_adjustment (
    id          uuid          PRIMARY KEY,
    year        int           NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    supplier_id uuid          NOT NULL,
    points      numeric(6, 2) NOT NULL CHECK (points BETWEEN -100 AND 100 AND points <> 0),
    reason      varchar(2000) NOT NULL CHECK (length(reason) >= 1),
    made_by     uuid          NOT NULL,
    made_by_name varchar(200) NOT NULL,
    made_at     timestamptz   NOT NULL
);

CREATE INDEX assessment_adjustment_of ON assessment_adjustment (year, supplier_id);

-- ISSUED: the supplier may object until objection_due; OBJECTED; FINAL (score fixed).
CREATE TABLE assessment (
    id               uuid          PRIMARY KEY,
    number           varchar(40)   NOT NULL UNIQUE,
    year             int           NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    supplier_id      uuid          NOT NULL,
    status           varchar(10)   NOT NULL CHECK (status IN ('ISSUED', 'OBJECTED', 'FINAL')),
    issued_by        varchar(200)  NOT NULL,
    issued_at        timestamptz   NOT NULL,
    objection_due    date          NOT NULL,
    objection_reason varchar(2000),
    objected_by      varchar(200),
    objected_at      timestamptz,
    answer           varchar(2000),
    decided_by       varchar(200),
    decided_at       timestamptz,
    rules_version    int,
    computed         double precision,
    adjusted         double precision,
    total            double precision,
    ratio_percent    int,
    continues        boolean,
    CONSTRAINT assessment_once UNIQUE (year, supplier_id),
    CHECK (status <> 'FINAL' OR (decided_at IS NOT NULL AND rules_version IS NOT NULL))
);

CREATE TABLE assessment_event (
    assessment_id uuid          NOT NULL REFERENCES assessment (id),
    occurred_at   timestamptz   NOT NULL,
    actor_id      uuid,
    action        varchar(40)   NOT NULL,
    reason        varchar(2000)
);

CREATE INDEX assessment_event_of ON assessment_event (assessment_id, occurred_at);

-- The finalised score's lines, as they were scored: value, points and effective weight.
CREATE TABLE assessment_final_line (
    assessment_id    uuid             NOT NULL REFERENCES assessment (id),
    position         int              NOT NULL,
    code             varchar(40)      NOT NULL,
    value            double precision,
    points           double precision,
    effective_weight double precision NOT NULL,
    PRIMARY KEY (assessment_id, position)
);
