-- The outbox becomes the product's one mail pipeline. The notifications table of 0006 (which
-- peer-review reminders write to) gains what delivery needs: an HTML part, a status, the
-- attempts made, when the next may be made, a lease that lets one dispatcher at a time hold
-- a message (so several silos send each message once), and the last error. Messages that
-- are not about a dated subject (an invitation, a password reset) leave subject and due date
-- empty; the unique key still makes a repeated reminder write nothing, because its columns
-- are all set for reminders.

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind ~ '^[A-Z][A-Z_]{0,63}$');
ALTER TABLE notifications ALTER COLUMN subject_type DROP NOT NULL;
ALTER TABLE notifications ALTER COLUMN subject_id DROP NOT NULL;
ALTER TABLE notifications ALTER COLUMN due_on DROP NOT NULL;

ALTER TABLE notifications
    ADD COLUMN html_body       text,
    ADD COLUMN status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- NULL: at once. Set after a failed attempt to the earliest time of the next.
    ADD COLUMN next_attempt_at timestamptz,
    -- A dispatcher that claims a message holds it until then; past it, another may take it
    -- (the first stopped mid-send).
    ADD COLUMN leased_until    timestamptz,
    ADD COLUMN last_error      text;

UPDATE notifications SET status = 'SENT' WHERE sent_at IS NOT NULL;

ALTER TABLE notifications ADD CONSTRAINT notifications_sent_has_time CHECK ((status = 'SENT') = (sent_at IS NOT NULL));

DROP INDEX notifications_unsent;
-- What the dispatcher's poll reads: only messages still to send.
CREATE INDEX notifications_pending ON notifications (coalesce(next_attempt_at, created_at), id) WHERE status = 'PENDING';
-- The admins' list, newest first, optionally by status.
CREATE INDEX notifications_newest ON notifications (status, id DESC);
