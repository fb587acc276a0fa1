-- Release orders (Art. 8): the Commission turns recommendations of one unit into an order;
-- the unit accepts or objects within the objection period; an unanswered order stands at
-- the period's end; on an objection the Commission upholds, modifies or withdraws it.
CREATE TABLE rightsizing_order (
    id                uuid          PRIMARY KEY,
    number            varchar(20)   NOT NULL UNIQUE,
    unit_id           uuid          NOT NULL,
    status            varchar(20)   NOT NULL CHECK (status IN ('ISSUED', 'ACCEPTED', 'LAPSED', 'OBJECTED', 'UPHELD',
                                                               'MODIFIED', 'WITHDRAWN')),
    issued_by         varchar(200)  NOT NULL,
    issued_at         timestamptz   NOT NULL,
    objection_due     date          NOT NULL,
    answered_by       varchar(200),
    answered_at       timestamptz,
    objection_reason  varchar(2000),
    document_name     varchar(200),
    document          bytea,
    decided_by        varchar(200),
    decided_at        timestamptz,
    decision_reason   varchar(2000),
    effective_on      date
);

CREATE INDEX rightsizing_order_unit ON rightsizing_order (unit_id, status);
CREATE INDEX rightsizing_order_due ON rightsizing_order (objection_due) WHERE status = 'ISSUED';
CREATE SEQUENCE rightsizing_order_number;

CREATE TABLE rightsizing_order_line (
    order_id          uuid          NOT NULL REFERENCES rightsizing_order (id),
    position          int           NOT NULL,
    recommendation_id uuid          NOT NULL REFERENCES rightsizing_recommendation (id),
    instance_id       uuid          NOT NULL REFERENCES instance (id),
    instance_name     varchar(100)  NOT NULL,
    kind_code         varchar(40)   NOT NULL,
    action            varchar(20)   NOT NULL CHECK (action IN ('DOWNSIZE', 'UPSIZE', 'RELEASE')),
    current_spec      jsonb         NOT NULL,
    ordered_spec      jsonb,
    unit_prices       jsonb         NOT NULL,
    monthly_saving    numeric(14,2) NOT NULL,
    PRIMARY KEY (order_id, position)
);

CREATE TABLE rightsizing_order_event (
    order_id    uuid          NOT NULL REFERENCES rightsizing_order (id),
    occurred_at timestamptz   NOT NULL,
    actor_id    uuid,
    action      varchar(40)   NOT NULL,
    reason      varchar(2000)
);

CREATE INDEX rightsizing_order_event_order ON rightsizing_order_event (order_id, occurred_at);
