-- Satisfaction surveys (Art. 19): the Commission opens a survey of a year or a half-year with
-- its questions; each respondent of a unit answers every question once (1–5, no default).
-- Ids of people and units are kept without foreign keys: the assessment reads them through
-- the organisation module's API (ADR 0016).
CREATE TABLE survey (
    id         uuid         PRIMARY KEY,
    year       int          NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    half       smallint     CHECK (half IN (1, 2)),
    title      varchar(200) NOT NULL CHECK (length(title) >= 1),
    status     varchar(10)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by  uuid         NOT NULL,
    opened_at  timestamptz  NOT NULL,
    closed_at  timestamptz
);

CREATE TABLE survey_question (
    survey_id uuid         NOT NULL REFERENCES survey (id),
    position  int          NOT NULL CHECK (position >= 1),
    text      varchar(500) NOT NULL CHECK (length(text) >= 1),
    PRIMARY KEY (survey_id, position)
);

CREATE TABLE survey_response (
    id            uuid        PRIMARY KEY,
    survey_id     uuid        NOT NULL REFERENCES survey (id),
    respondent_id uuid        NOT NULL,
    unit_id       uuid        NOT NULL,
    answered_at   timestamptz NOT NULL,
    CONSTRAINT survey_response_once UNIQUE (survey_id, respondent_id)
);

CREATE INDEX survey_response_unit ON survey_response (survey_id, unit_id);

CREATE TABLE survey_answer (
    response_id uuid     NOT NULL REFERENCES survey_response (id),
    position    int      NOT NULL,
    score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (response_id, position)
);
