-- In-app inbox (PRODUCT C16): one row per recipient. The text is rendered in each reader's
-- language from the message code and its arguments. A notification is a record: never
-- removed, only marked read, once.
CREATE TABLE notification (
    id         uuid         PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES app_user (id),
    category   varchar(20)  NOT NULL CHECK (category IN ('TASK', 'REMINDER', 'INFO')),
    code       varchar(100) NOT NULL,
    args       text[]       NOT NULL DEFAULT '{}',
    link       varchar(500),
    created_at timestamptz  NOT NULL,
    read_at    timestamptz,
    -- Opening a notification never leads away from GovCloud.
    CONSTRAINT notification_link_local CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%'))
);

-- A person's inbox, newest first.
CREATE INDEX notification_inbox ON notification (user_id, created_at DESC);
-- The unread ones alone: the count in every page's header, and the "unread only" list.
CREATE INDEX notification_unread ON notification (user_id, created_at DESC) WHERE read_at IS NULL;

CREATE FUNCTION notification_only_marked_read() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.read_at IS NULL AND NEW.read_at IS NOT NULL
           AND (NEW.id, NEW.user_id, NEW.category, NEW.code, NEW.args, NEW.link, NEW.created_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.user_id, OLD.category, OLD.code, OLD.args, OLD.link, OLD.created_at)
        THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'notification is a record: only marking it read is allowed, % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER notification_records BEFORE UPDATE OR DELETE ON notification
    FOR EACH ROW EXECUTE FUNCTION notification_only_marked_read();
CREATE TRIGGER notification_no_truncate BEFORE TRUNCATE ON notification
    FOR EACH STATEMENT EXECUTE FUNCTION notification_only_marked_read();
