-- Notices by e-mail (PRODUCT C16, ADR 0019). The inbox row is written first and is the record;
-- an e-mail is a copy sent after it, retried until sent or given up, never sent twice.

-- Each person's choice per category of notice. No row: off (nobody is mailed until they opt in).
CREATE TABLE notice_mail_choice (
    user_id   uuid        NOT NULL REFERENCES app_user (id),
    category  varchar(20) NOT NULL CHECK (category IN ('TASK', 'REMINDER', 'INFO')),
    enabled   boolean     NOT NULL,
    chosen_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, category)
);

-- The language a person last chose in GovCloud, for what reaches them outside a page.
CREATE TABLE notice_reader (
    user_id   uuid        PRIMARY KEY REFERENCES app_user (id),
    language  varchar(10) NOT NULL CHECK (language IN ('zh-CN', 'en')),
    chosen_at timestamptz NOT NULL
);

-- One e-mail per notification (that is, per notice and recipient), with its delivery state.
CREATE TABLE notice_mail (
    notification_id uuid         PRIMARY KEY REFERENCES notification (id),
    address         varchar(100) NOT NULL,
    language        varchar(10)  NOT NULL CHECK (language IN ('zh-CN', 'en')),
    status          varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        int          NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    queued_at       timestamptz  NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT notice_mail_sent_at CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- What the retry job looks for.
CREATE INDEX notice_mail_pending ON notice_mail (next_attempt_at) WHERE status = 'PENDING';
