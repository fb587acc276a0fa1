-- Trainings (Art. 11): the supplier trains the units' people; units sign people up,
-- attendance is recorded, materials attached, attendees rate the session.

CREATE TABLE training_session (
    id          uuid        PRIMARY KEY,
    supplier_id uuid        NOT NULL REFERENCES organization (id),
    topic       text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    starts_at   timestamptz NOT NULL,
    place       text        NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
    trainer     text        NOT NULL CHECK (length(trainer) BETWEEN 1 AND 100),
    capacity    integer     NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    status      text        NOT NULL CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
    created_by  uuid,
    created_at  timestamptz NOT NULL
);

CREATE INDEX training_session_starts ON training_session (starts_at DESC);

CREATE TABLE training_signup (
    session_id    uuid        NOT NULL REFERENCES training_session (id),
    user_id       uuid        NOT NULL REFERENCES app_user (id),
    unit_id       uuid        NOT NULL REFERENCES organization (id),
    signed_up_at  timestamptz NOT NULL,
    signed_up_by  uuid,
    attended      boolean,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE training_material (
    id           uuid        PRIMARY KEY,
    session_id   uuid        NOT NULL REFERENCES training_session (id),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  uuid
);

CREATE TABLE training_rating (
    session_id uuid        NOT NULL REFERENCES training_session (id),
    user_id    uuid        NOT NULL,
    stars      smallint    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment    text        NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
    rated_at   timestamptz NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
