-- The service desk (Art. 10–12, 19): tickets, their clocks' pauses, comments and notes,
-- followers and ratings; the Commission's service-level targets per priority.

CREATE TABLE servicedesk_target (
    priority           text     PRIMARY KEY CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    response_amount    integer  NOT NULL CHECK (response_amount BETWEEN 1 AND 10000),
    response_unit      text     NOT NULL CHECK (response_unit IN ('MINUTES', 'HOURS', 'DAYS')),
    resolution_amount  integer  NOT NULL CHECK (resolution_amount BETWEEN 1 AND 10000),
    resolution_unit    text     NOT NULL CHECK (resolution_unit IN ('MINUTES', 'HOURS', 'DAYS')),
    working_time       boolean  NOT NULL,
    updated_at         timestamptz,
    updated_by         uuid
);

INSERT INTO servicedesk_target (priority, response_amount, response_unit, resolution_amount, resolution_unit, working_time)
VALUES ('P1', 15, 'MINUTES', 4, 'HOURS', false),
       ('P2', 30, 'MINUTES', 8, 'HOURS', false),
       ('P3', 4, 'HOURS', 3, 'DAYS', true),
       ('P4', 1, 'DAYS', 5, 'DAYS', true);

CREATE SEQUENCE servicedesk_ticket_number;

CREATE TABLE servicedesk_ticket (
    id                      uuid        PRIMARY KEY,
    number                  text        NOT NULL UNIQUE,
    unit_id                 uuid        NOT NULL REFERENCES organization (id),
    supplier_id             uuid        NOT NULL REFERENCES organization (id),
    system_id               uuid        NOT NULL REFERENCES application_system (id),
    system_name             text        NOT NULL,
    instance_id             uuid REFERENCES instance (id),
    instance_name           text,
    category                text        NOT NULL CHECK (category IN ('FAULT', 'PROBLEM', 'CONSULTATION', 'GO_LIVE_SUPPORT', 'MIGRATION_SUPPORT')),
    priority                text        NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    title                   text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description             text        NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    search                  text[]      NOT NULL,
    status                  text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_UNIT', 'RESOLVED', 'CLOSED')),
    raised_by               uuid        NOT NULL,
    raised_by_name          text        NOT NULL,
    opened_at               timestamptz NOT NULL,
    working_time            boolean     NOT NULL,
    response_target_minutes integer     NOT NULL,
    resolution_target_minutes integer   NOT NULL,
    assignee_id             uuid,
    assignee_name           text,
    acknowledged_at         timestamptz,
    response_minutes        integer,
    resolved_at             timestamptz,
    resolution              text,
    resolution_minutes      integer,
    closed_at               timestamptz,
    closed_by               uuid,
    response_warned_at      timestamptz,
    response_breached_at    timestamptz,
    resolution_warned_at    timestamptz,
    resolution_breached_at  timestamptz,
    changed_at              timestamptz NOT NULL,
    changed_by              uuid,
    changed_by_name         text
);

CREATE INDEX servicedesk_ticket_unit ON servicedesk_ticket (unit_id, opened_at DESC);
CREATE INDEX servicedesk_ticket_supplier ON servicedesk_ticket (supplier_id, opened_at DESC);
CREATE INDEX servicedesk_ticket_running ON servicedesk_ticket (status) WHERE status NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX servicedesk_ticket_search ON servicedesk_ticket USING gin (search);

-- A stretch the resolution clock does not count: waiting on the unit, or resolved until reopened.
CREATE TABLE servicedesk_pause (
    ticket_id  uuid        NOT NULL REFERENCES servicedesk_ticket (id),
    started_at timestamptz NOT NULL,
    ended_at   timestamptz,
    kind       text        NOT NULL CHECK (kind IN ('WAITING_ON_UNIT', 'RESOLVED')),
    reason     text        NOT NULL,
    PRIMARY KEY (ticket_id, started_at)
);

-- Every step (the decision ledger's history, ADR 0015).
CREATE TABLE servicedesk_ticket_event (
    ticket_id   uuid        NOT NULL REFERENCES servicedesk_ticket (id),
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,
    action      text        NOT NULL,
    reason      text
);

CREATE INDEX servicedesk_ticket_event_ticket ON servicedesk_ticket_event (ticket_id, occurred_at);

-- Comments and internal notes, in order; internal notes are the supplier's alone.
CREATE TABLE servicedesk_entry (
    id          uuid        PRIMARY KEY,
    ticket_id   uuid        NOT NULL REFERENCES servicedesk_ticket (id),
    at          timestamptz NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('COMMENT', 'INTERNAL_NOTE')),
    author_id   uuid,
    author_name text        NOT NULL,
    text        text        NOT NULL DEFAULT ''
);

CREATE INDEX servicedesk_entry_ticket ON servicedesk_entry (ticket_id, at);

CREATE TABLE servicedesk_follower (
    ticket_id uuid NOT NULL REFERENCES servicedesk_ticket (id),
    user_id   uuid NOT NULL,
    PRIMARY KEY (ticket_id, user_id)
);

-- One rating per person and ticket (Art. 19: satisfaction).
CREATE TABLE servicedesk_rating (
    ticket_id uuid        NOT NULL REFERENCES servicedesk_ticket (id),
    user_id   uuid        NOT NULL,
    stars     smallint    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment   text        NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
    rated_at  timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, user_id)
);

-- Attachments of a ticket, checked by content as construction plans are.
CREATE TABLE servicedesk_attachment (
    id           uuid        PRIMARY KEY,
    ticket_id    uuid        NOT NULL REFERENCES servicedesk_ticket (id),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  uuid,
    uploaded_by_name text    NOT NULL
);

CREATE INDEX servicedesk_attachment_ticket ON servicedesk_attachment (ticket_id, uploaded_at);
