-- Rendered calendar feeds are kept, so a poll of a feed whose content has not changed costs
-- one lookup and no rendering (serialising with Ical.Net takes about a quarter of a
-- millisecond per event).
--
-- calendar_content_versions counts committed changes to every table a feed reads (its
-- events, the names shown in them, and who may see what). Each transaction that touches one
-- adds one to a single row, at commit (a deferred trigger, so the row lock is held only while
-- committing), and to one of 16 rows chosen by its backend, so concurrent writers rarely wait
-- for each other. The content version is the sum of the rows: it is read in the same lookup
-- that finds a feed by its token, and because the rows change in the writer's own
-- transaction, a reader that sees the new version also sees the change behind it.
--
-- calendar_feeds keeps, per feed, the body last rendered, its ETag, a hash of the events it was
-- rendered from, the content version and owner it was rendered for, and until when it holds
-- (the moment its oldest cancelled event leaves the feed).

CREATE TABLE calendar_content_versions (
    shard   smallint PRIMARY KEY CHECK (shard BETWEEN 0 AND 15),
    version bigint NOT NULL DEFAULT 0
);

INSERT INTO calendar_content_versions (shard) SELECT generate_series(0, 15);

CREATE FUNCTION calendar_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction, however many rows it wrote.
    IF current_setting('inclusion.calendar_content_changed', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('inclusion.calendar_content_changed', 'yes', true);
        UPDATE calendar_content_versions SET version = version + 1 WHERE shard = pg_backend_pid() % 16;
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    source text;
BEGIN
    FOREACH source IN ARRAY ARRAY[
        'bookings', 'staff', 'courses', 'course_runs', 'course_sessions', 'districts',
        'schools', 'inclusion_leaders', 'peer_review_clusters', 'cluster_members',
        'review_cycles', 'review_visits', 'visit_reviewers',
        'networks', 'network_members', 'meetings']
    LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER calendar_content_changed AFTER INSERT OR UPDATE OR DELETE ON %I
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION calendar_content_changed()', source);
        EXECUTE format(
            'CREATE TRIGGER calendar_content_truncated AFTER TRUNCATE ON %I
             FOR EACH STATEMENT EXECUTE FUNCTION calendar_content_changed()', source);
    END LOOP;
END
$$;

ALTER TABLE calendar_feeds
    ADD COLUMN rendered_version bigint,
    -- The owner's roles and links as they were: a feed shows what its owner may see.
    ADD COLUMN rendered_for     text,
    -- SHA-256 of the events and names rendered: an unrelated change re-reads but does not re-render.
    ADD COLUMN rendered_hash    bytea,
    ADD COLUMN rendered_until   timestamptz,
    ADD COLUMN rendered_at      timestamptz,
    ADD COLUMN rendered_body    bytea;
