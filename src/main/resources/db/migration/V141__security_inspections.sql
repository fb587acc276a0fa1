-- Inspections, findings and their rectification; security bulletins and emergency drills
-- (Art. 14).

-- The checklist of each classified-protection level (等保), kept by the Commission; an
-- inspection copies the items of its level when it is recorded.
CREATE TABLE security_checklist_item (
    id               uuid    PRIMARY KEY,
    protection_level integer NOT NULL CHECK (protection_level IN (2, 3)),
    position         integer NOT NULL,
    text             text    NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    active           boolean NOT NULL DEFAULT true,
    UNIQUE (protection_level, position)
);

INSERT INTO security_checklist_item (id, protection_level, position, text) VALUES
    ('7b1f0d50-0000-4000-8000-000000000201', 2, 1, '身份鉴别：登录用户身份标识唯一，口令复杂度并定期更换'),
    ('7b1f0d50-0000-4000-8000-000000000202', 2, 2, '访问控制：删除或停用多余、过期账户，默认账户改名'),
    ('7b1f0d50-0000-4000-8000-000000000203', 2, 3, '安全审计：开启审计功能，审计记录留存不少于六个月'),
    ('7b1f0d50-0000-4000-8000-000000000204', 2, 4, '入侵防范：关闭不需要的服务和端口，及时安装补丁'),
    ('7b1f0d50-0000-4000-8000-000000000205', 2, 5, '数据备份恢复：重要数据定期备份并验证可恢复'),
    ('7b1f0d50-0000-4000-8000-000000000301', 3, 1, '身份鉴别：采用两种或两种以上组合的鉴别技术'),
    ('7b1f0d50-0000-4000-8000-000000000302', 3, 2, '访问控制：三权分立，授予管理用户所需的最小权限'),
    ('7b1f0d50-0000-4000-8000-000000000303', 3, 3, '安全审计：审计记录受保护，防止未授权删除、修改或覆盖'),
    ('7b1f0d50-0000-4000-8000-000000000304', 3, 4, '入侵防范：能检测重要节点的入侵行为并告警'),
    ('7b1f0d50-0000-4000-8000-000000000305', 3, 5, '恶意代码防范：采用免受恶意代码攻击的技术措施或主动免疫'),
    ('7b1f0d50-0000-4000-8000-000000000306', 3, 6, '数据完整性和保密性：重要数据在传输和存储中采用密码技术保护'),
    ('7b1f0d50-0000-4000-8000-000000000307', 3, 7, '数据备份恢复：提供异地实时备份功能');

CREATE SEQUENCE security_inspection_number;

CREATE TABLE security_inspection (
    id               uuid        PRIMARY KEY,
    number           text        NOT NULL UNIQUE,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- Art. 14: by the Commission, or by a third party it names.
    inspected_by     text        NOT NULL CHECK (inspected_by IN ('COMMISSION', 'THIRD_PARTY')),
    third_party      text        CHECK (length(third_party) BETWEEN 1 AND 200),
    protection_level integer     NOT NULL CHECK (protection_level IN (2, 3)),
    starts_on        date        NOT NULL,
    ends_on          date        NOT NULL,
    inspectors       text        NOT NULL CHECK (length(inspectors) BETWEEN 1 AND 500),
    created_by       uuid        NOT NULL,
    created_by_name  text        NOT NULL,
    created_at       timestamptz NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK ((inspected_by = 'THIRD_PARTY') = (third_party IS NOT NULL))
);

CREATE TABLE security_inspection_unit (
    inspection_id uuid NOT NULL REFERENCES security_inspection (id),
    unit_id       uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (inspection_id, unit_id)
);

CREATE INDEX security_inspection_unit_unit ON security_inspection_unit (unit_id);

CREATE TABLE security_inspection_system (
    inspection_id uuid NOT NULL REFERENCES security_inspection (id),
    system_id     uuid NOT NULL REFERENCES application_system (id),
    system_name   text NOT NULL,
    unit_id       uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (inspection_id, system_id)
);

-- The inspection's checklist as it was when recorded, with each item's result.
CREATE TABLE security_inspection_check (
    inspection_id uuid    NOT NULL REFERENCES security_inspection (id),
    position      integer NOT NULL,
    text          text    NOT NULL,
    result        text    CHECK (result IN ('PASS', 'FAIL', 'NOT_APPLICABLE')),
    PRIMARY KEY (inspection_id, position)
);

CREATE SEQUENCE security_finding_number;

-- A finding and its rectification. Closed, never deleted.
CREATE TABLE security_finding (
    id                uuid        PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    inspection_id     uuid        NOT NULL REFERENCES security_inspection (id),
    severity          text        NOT NULL CHECK (severity IN ('HIGH', 'MEDIUM', 'LOW')),
    system_id         uuid        NOT NULL REFERENCES application_system (id),
    system_name       text        NOT NULL,
    unit_id           uuid        NOT NULL REFERENCES organization (id),
    -- The responsible party: the unit, or the supplier named here.
    responsible       text        NOT NULL CHECK (responsible IN ('UNIT', 'SUPPLIER')),
    supplier_id       uuid        REFERENCES organization (id),
    description       text        NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    deadline          date        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('OPEN', 'RESPONDED', 'CLOSED')),
    response          text        CHECK (length(response) <= 4000),
    responded_at      timestamptz,
    responded_by_name text,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    created_by        uuid        NOT NULL,
    created_at        timestamptz NOT NULL,
    -- Each notice once, claimed by the update that sets its time.
    reminded_at       timestamptz,
    due_told_at       timestamptz,
    escalated_at      timestamptz,
    CHECK ((responsible = 'SUPPLIER') = (supplier_id IS NOT NULL))
);

CREATE INDEX security_finding_unit ON security_finding (unit_id, status);
CREATE INDEX security_finding_supplier ON security_finding (supplier_id, status) WHERE supplier_id IS NOT NULL;
CREATE INDEX security_finding_system ON security_finding (system_id);
CREATE INDEX security_finding_open ON security_finding (deadline) WHERE status <> 'CLOSED';

CREATE TABLE security_finding_event (
    id          bigserial   PRIMARY KEY,
    finding_id  uuid        NOT NULL REFERENCES security_finding (id),
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,
    action      text        NOT NULL,
    reason      text
);

CREATE INDEX security_finding_event_finding ON security_finding_event (finding_id, occurred_at);

-- Evidence of a finding (the inspector's) and of its rectification (the responsible party's).
CREATE TABLE security_finding_attachment (
    id               uuid        PRIMARY KEY,
    finding_id       uuid        NOT NULL REFERENCES security_finding (id),
    stage            text        NOT NULL CHECK (stage IN ('FINDING', 'RECTIFICATION')),
    file_name        text        NOT NULL,
    content_type     text        NOT NULL,
    content          bytea       NOT NULL,
    uploaded_at      timestamptz NOT NULL,
    uploaded_by      uuid        NOT NULL,
    uploaded_by_name text        NOT NULL
);

CREATE INDEX security_finding_attachment_finding ON security_finding_attachment (finding_id, uploaded_at);

-- The supplier's monthly security bulletin, published to the units it serves.
CREATE TABLE security_bulletin (
    id                uuid        PRIMARY KEY,
    supplier_id       uuid        NOT NULL REFERENCES organization (id),
    period            date        NOT NULL CHECK (extract(day FROM period) = 1),
    vulnerabilities   text        NOT NULL CHECK (length(vulnerabilities) BETWEEN 1 AND 4000),
    incidents         text        NOT NULL CHECK (length(incidents) BETWEEN 1 AND 4000),
    threats           text        NOT NULL CHECK (length(threats) BETWEEN 1 AND 4000),
    advice            text        NOT NULL CHECK (length(advice) BETWEEN 1 AND 4000),
    document_name     text,
    document_type     text,
    document          bytea,
    published_by      uuid,
    published_by_name text        NOT NULL,
    published_at      timestamptz NOT NULL,
    UNIQUE (supplier_id, period),
    CHECK ((document IS NULL) = (document_name IS NULL))
);

CREATE TABLE security_bulletin_unit (
    bulletin_id uuid NOT NULL REFERENCES security_bulletin (id),
    unit_id     uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (bulletin_id, unit_id)
);

CREATE INDEX security_bulletin_unit_unit ON security_bulletin_unit (unit_id);

-- The supplier's yearly emergency drill: planned, then reported with the problems found.
CREATE TABLE security_drill (
    id               uuid        PRIMARY KEY,
    supplier_id      uuid        NOT NULL REFERENCES organization (id),
    year             integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    plan             text        NOT NULL CHECK (length(plan) BETWEEN 1 AND 4000),
    scenario         text        NOT NULL CHECK (length(scenario) BETWEEN 1 AND 2000),
    held_on          date        NOT NULL,
    participants     text        NOT NULL CHECK (length(participants) BETWEEN 1 AND 2000),
    status           text        NOT NULL CHECK (status IN ('PLANNED', 'REPORTED')),
    report           text        CHECK (length(report) <= 8000),
    decided_by       text,
    decided_at       timestamptz,
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    CHECK ((status = 'REPORTED') = (report IS NOT NULL))
);

CREATE INDEX security_drill_supplier ON security_drill (supplier_id, year);

CREATE TABLE security_drill_unit (
    drill_id uuid NOT NULL REFERENCES security_drill (id),
    unit_id  uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (drill_id, unit_id)
);

CREATE TABLE security_drill_event (
    id          bigserial   PRIMARY KEY,
    drill_id    uuid        NOT NULL REFERENCES security_drill (id),
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,
    action      text        NOT NULL,
    reason      text
);

-- A problem the drill found, and its follow-up.
CREATE TABLE security_drill_problem (
    id           uuid        PRIMARY KEY,
    drill_id     uuid        NOT NULL REFERENCES security_drill (id),
    position     integer     NOT NULL,
    description  text        NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    follow_up    text        CHECK (length(follow_up) <= 2000),
    resolved_at  timestamptz,
    UNIQUE (drill_id, position),
    CHECK ((resolved_at IS NULL) OR (follow_up IS NOT NULL))
);
