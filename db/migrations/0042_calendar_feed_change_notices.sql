-- Silos hear, at commit, which calendar feeds a transaction may have changed, so a poll of an
-- unchanged feed can be answered from the silo's memory without asking the database.
--
-- Each silo LISTENs on the channel calendar_feed_changes and keeps, per feed link, the body it
-- last served with what it was rendered for. A notice names what moved:
--   '*'                     the global content version (migration 0014): every feed;
--   '<SCOPE>:<subject id>'  one feed subject's version (migration 0022), e.g. 'SCHOOL:100001';
--   'feed:<id>'             the feed itself was revoked, deleted, or given another subject or token;
--   'account:<id>'          the feed owner's roles, links or standing (what the feed may show);
--   'sync:<anything>'       nothing: a marker a silo sends itself to know it has heard all before it.
-- Notices are sent by the same statements (and deferred triggers) that move the versions, inside
-- the writer's transaction, so PostgreSQL delivers them only when, and only if, it commits, after
-- the change is visible to every new snapshot. A silo that loses its listening connection treats
-- every kept feed as changed until it listens again.

-- The global version: as in migration 0014, once per transaction, now with its notice.
CREATE OR REPLACE FUNCTION calendar_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('inclusion.calendar_content_changed', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('inclusion.calendar_content_changed', 'yes', true);
        UPDATE calendar_content_versions SET version = version + 1 WHERE shard = pg_backend_pid() % 16;
        PERFORM pg_notify('calendar_feed_changes', '*');
    END IF;
    RETURN NULL;
END
$$;

-- One feed subject's version: the notice is queued before the once-per-transaction check
-- (PostgreSQL sends a payload at most once per transaction however often it is queued), then
-- the version moves exactly as in migration 0022.
CREATE OR REPLACE FUNCTION calendar_scope_changed(changed_scope text, changed_subject text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    free smallint;
BEGIN
    IF changed_subject IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_notify('calendar_feed_changes', changed_scope || ':' || changed_subject);
    IF EXISTS (SELECT 1 FROM calendar_scope_versions v
               WHERE v.scope = changed_scope AND v.subject_id = changed_subject
                 AND v.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text) THEN
        RETURN;
    END IF;
    SELECT v.shard INTO free FROM calendar_scope_versions v
    WHERE v.scope = changed_scope AND v.subject_id = changed_subject
    ORDER BY (v.shard + 16 - pg_backend_pid() % 16) % 16
    LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
        UPDATE calendar_scope_versions v SET version = v.version + 1
        WHERE v.scope = changed_scope AND v.subject_id = changed_subject AND v.shard = free;
    ELSE
        SELECT s INTO free FROM generate_series(0, 15) s
        WHERE NOT EXISTS (SELECT 1 FROM calendar_scope_versions v
                          WHERE v.scope = changed_scope AND v.subject_id = changed_subject AND v.shard = s)
        ORDER BY (s + 16 - pg_backend_pid() % 16) % 16
        LIMIT 1;
        INSERT INTO calendar_scope_versions AS v (scope, subject_id, shard, version)
        VALUES (changed_scope, changed_subject, coalesce(free, pg_backend_pid() % 16), 1)
        ON CONFLICT (scope, subject_id, shard) DO UPDATE SET version = v.version + 1;
    END IF;
END
$$;

-- A feed revoked or deleted (an account erased or deleted) must answer 404 on every silo.
-- Keeping a newly rendered body (rendered_*, last_etag, last_modified) is not a notice: it
-- follows a version notice already sent.
CREATE FUNCTION calendar_feed_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('calendar_feed_changes', 'feed:' || OLD.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER calendar_feed_row_changed AFTER DELETE OR UPDATE OF revoked_at, account_id, scope, subject_id, token_hash, salt ON calendar_feeds
    FOR EACH ROW EXECUTE FUNCTION calendar_feed_row_changed();

-- What a feed may show depends on its owner's roles, school, staff and leader links, and
-- whether the owner is still live (not disabled; not a removed member of staff).
CREATE FUNCTION calendar_feed_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'accounts' THEN
        PERFORM pg_notify('calendar_feed_changes', 'account:' || OLD.id);
    WHEN 'account_roles' THEN
        IF TG_OP <> 'INSERT' THEN
            PERFORM pg_notify('calendar_feed_changes', 'account:' || OLD.account_id);
        END IF;
        IF TG_OP <> 'DELETE' THEN
            PERFORM pg_notify('calendar_feed_changes', 'account:' || NEW.account_id);
        END IF;
    WHEN 'staff' THEN
        PERFORM pg_notify('calendar_feed_changes', 'account:' || a.id) FROM accounts a WHERE a.staff_id = OLD.id;
    END CASE;
    RETURN NULL;
END
$$;

CREATE TRIGGER calendar_feed_owner_changed AFTER DELETE OR UPDATE OF school_urn, staff_id, leader_id, disabled_at ON accounts
    FOR EACH ROW EXECUTE FUNCTION calendar_feed_owner_changed();
CREATE TRIGGER calendar_feed_owner_changed AFTER INSERT OR UPDATE OR DELETE ON account_roles
    FOR EACH ROW EXECUTE FUNCTION calendar_feed_owner_changed();
CREATE TRIGGER calendar_feed_owner_changed AFTER DELETE OR UPDATE OF removed_at ON staff
    FOR EACH ROW EXECUTE FUNCTION calendar_feed_owner_changed();
