-- Notifications people can act on and turn off. Each outbox message now says what kind of
-- message it is: ESSENTIAL ones (offers, cancellations, changes, invitations, resets) are always
-- sent; REMINDER and PROMPT ones can be turned off by the person, by address, whether or not
-- they have an account (staff without one get reminders too). An event key lets a writer that
-- runs twice for one event (a reminder that ticks again, two silos, a retry after a conflict)
-- write its message once per recipient. A message about a dated event carries an iCalendar
-- invitation (METHOD REQUEST or CANCEL) that the dispatcher attaches. Non-essential messages
-- carry a one-click unsubscribe link; its token is random, stored hashed, and works once.

ALTER TABLE notifications
    ADD COLUMN category        text NOT NULL DEFAULT 'ESSENTIAL' CHECK (category IN ('ESSENTIAL', 'REMINDER', 'PROMPT')),
    ADD COLUMN event_key       text CHECK (event_key IS NULL OR length(event_key) BETWEEN 1 AND 200),
    ADD COLUMN calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
    ADD COLUMN calendar_body   text,
    -- The one-click link the dispatcher puts in List-Unsubscribe; the body holds it too.
    ADD COLUMN unsubscribe_url text,
    ADD CONSTRAINT notifications_calendar_whole CHECK ((calendar_method IS NULL) = (calendar_body IS NULL)),
    ADD CONSTRAINT notifications_unsubscribe_only_optional CHECK (unsubscribe_url IS NULL OR category <> 'ESSENTIAL');

-- One message per event and recipient, whoever writes it and however often.
CREATE UNIQUE INDEX notifications_once_per_event ON notifications (event_key, lower(recipient_email)) WHERE event_key IS NOT NULL;

-- What a person has turned off. No row: everything is sent.
CREATE TABLE notification_preferences (
    email      text PRIMARY KEY CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
    reminders  boolean NOT NULL DEFAULT true,
    prompts    boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL
);

CREATE TABLE unsubscribe_tokens (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    email      text NOT NULL CHECK (email = lower(email)),
    category   text NOT NULL CHECK (category IN ('REMINDER', 'PROMPT')),
    created_at timestamptz NOT NULL,
    used_at    timestamptz
);

-- Erasing a person removes their tokens by address.
CREATE INDEX unsubscribe_tokens_email ON unsubscribe_tokens (email);
