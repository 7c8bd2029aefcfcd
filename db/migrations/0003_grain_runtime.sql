-- Grain runtime: the two tables the in-house grain runtime (src/Runtime, the stand-in
-- for Orleans) keeps in PostgreSQL so that what it promises survives a restart and holds
-- across several silos sharing this database.
--
-- grain_reminders: durable reminders, one row per (grain type, grain key, name). Every
-- silo polls for due rows and claims a batch with FOR UPDATE SKIP LOCKED by setting a
-- lease (leased_until, lease_token); it delivers, then advances due_at by the period or
-- deletes a one-shot reminder, but only while it still holds the lease. A silo that dies
-- mid-delivery leaves a lease that expires, and another silo delivers the reminder again
-- (at least once).
--
-- grain_state: the generic JSON-document grain storage for tests and simple grains (the
-- domain keeps its aggregates in normalized tables of its own). version guards every
-- write (UPDATE ... WHERE version = expected). Clearing a state keeps the row with a NULL
-- document and a bumped version, so a writer holding an old version can never succeed
-- after a clear followed by a re-create.

CREATE TABLE grain_reminders (
    grain_type    text NOT NULL,
    grain_key     text NOT NULL,
    reminder_name text NOT NULL,
    due_at        timestamptz NOT NULL,
    -- NULL for a one-shot reminder, deleted once delivered.
    period        interval CHECK (period > interval '0'),
    -- Set while a silo is delivering the reminder; a lapsed lease may be claimed again.
    leased_until  timestamptz,
    lease_token   uuid,
    leased_by     text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);

-- The pollers' query: due rows, oldest first.
CREATE INDEX grain_reminders_due_at ON grain_reminders (due_at);

CREATE TABLE grain_state (
    grain_type text NOT NULL,
    grain_key  text NOT NULL,
    state_name text NOT NULL,
    version    bigint NOT NULL CHECK (version > 0),
    -- NULL once cleared: the row stays so that its version keeps counting.
    state      jsonb,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
);
