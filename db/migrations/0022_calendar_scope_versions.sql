-- A feed's content version moves only when something that can appear in that feed changes.
--
-- Until now every committed write to any table a feed reads moved one global version
-- (calendar_content_versions, migration 0014), so one booking in one school made the next poll
-- of every feed in the county re-read and re-hash its events. Now the frequent writes (bookings,
-- course runs, sessions and courses, review visits and their reviewers, network meetings,
-- networks and their members, cluster members, staff) instead move the versions of exactly the
-- feeds that can show the changed row, kept per feed subject in calendar_scope_versions:
-- (scope, subject_id) is the feed's own (scope, subject_id) in calendar_feeds, so a poll still
-- finds its version in the one lookup that finds the feed, by primary key.
--
-- What each change reaches (worked out from each feed kind's queries in src/Grains/Calendars):
--   a booking            the STAFF feed of its person and the SCHOOL feed of its school;
--   a run, its sessions, its course
--                        the STAFF and SCHOOL feeds of everyone booked on the run(s);
--   a visit, a reviewer  the host's SCHOOL feed, the cluster's CLUSTER feed, the LEADER feeds of
--                        the cluster's ILE and of the visit's ILE, and the STAFF and SCHOOL
--                        feeds of every reviewer (each shows how many review and who);
--   a meeting, a network the CLUSTER feed of its cluster, the SCHOOL feeds of its member schools
--                        and of its cluster's schools, the LEADER feeds of its organiser and of
--                        its cluster's ILE, and every LEADER feed for an ILE group's network;
--   a network member     the SCHOOL feed of that school;
--   a cluster member     the SCHOOL feed of that school and the CLUSTER feed (who may follow it);
--   a member of staff    their STAFF feed (its name), the SCHOOL feeds of their school and of
--                        the schools they are booked for (names of who is booked), and every
--                        visit they review on, as above.
-- The rare writes (schools, districts, ILEs, clusters, review cycles) and any TRUNCATE still move
-- the global version, which every feed adds to its own: such a change re-reads every feed once.
--
-- A feed's version is the global sum plus the sum of its own rows here. Both only grow, so any
-- commit that can change a feed makes its version larger, and because the rows change in the
-- writer's own transaction, a reader that sees the new version also sees the change behind it.
-- The versions that existed before this migration stay what they were (no rows here yet), so
-- bodies kept until now stay current.
--
-- Like the global counter, each key is bumped at commit (deferred triggers, so row locks are held
-- only while committing), at most once per transaction (a row it already wrote says so), and
-- in one of up to 16 rows per key: the first no other transaction holds, so concurrent writers
-- to the same feeds do not wait for each other, and one that reaches many feeds (a visit, an ILE
-- group's meeting) cannot deadlock with another reaching them in a different order.

-- Rows below are written by deferred triggers: fire any still pending before the tables change.
SET CONSTRAINTS ALL IMMEDIATE;

CREATE TABLE calendar_scope_versions (
    scope      text NOT NULL CHECK (scope IN ('STAFF', 'SCHOOL', 'CLUSTER', 'LEADER')),
    subject_id text NOT NULL,
    shard      smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
    version    bigint NOT NULL,
    PRIMARY KEY (scope, subject_id, shard)
);

-- The visits a member of staff reviews on, whatever their date (the other index on staff_id
-- leaves out cancelled visits).
CREATE INDEX visit_reviewers_staff ON visit_reviewers (staff_id);

CREATE FUNCTION calendar_scope_changed(changed_scope text, changed_subject text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    free smallint;
BEGIN
    IF changed_subject IS NULL THEN
        RETURN;
    END IF;
    -- Once per transaction and key, however many rows reach it: a row this transaction already
    -- wrote carries its id. (A flag per key in a setting would leave one placeholder setting per
    -- key ever touched in every pooled backend.)
    IF EXISTS (SELECT 1 FROM calendar_scope_versions v
               WHERE v.scope = changed_scope AND v.subject_id = changed_subject
                 AND v.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text) THEN
        RETURN;
    END IF;
    -- Any of the key's rows no other transaction holds, starting from this backend's own: a
    -- writer never waits while another holds a row, so writers reaching the same feeds in
    -- different orders cannot deadlock (unless 16 commit at once on one key).
    SELECT v.shard INTO free FROM calendar_scope_versions v
    WHERE v.scope = changed_scope AND v.subject_id = changed_subject
    ORDER BY (v.shard + 16 - pg_backend_pid() % 16) % 16
    LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
        UPDATE calendar_scope_versions v SET version = v.version + 1
        WHERE v.scope = changed_scope AND v.subject_id = changed_subject AND v.shard = free;
    ELSE
        -- Every row of the key is held (or there is none yet): start one of its free shards.
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

-- Every feed that shows the run's sessions: those of the people and schools booked on it.
CREATE FUNCTION calendar_run_changed(changed_run bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM calendar_scope_changed('STAFF', b.staff_id::text), calendar_scope_changed('SCHOOL', b.school_urn)
    FROM (SELECT DISTINCT staff_id, school_urn FROM bookings WHERE run_id = changed_run ORDER BY staff_id, school_urn) b;
END
$$;

-- The feeds a visit row shows in by its host, its ILE and its cycle's cluster.
CREATE FUNCTION calendar_visit_row_changed(host text, visit_leader bigint, cycle bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM calendar_scope_changed('SCHOOL', host), calendar_scope_changed('LEADER', visit_leader::text);
    PERFORM calendar_scope_changed('CLUSTER', c.id::text), calendar_scope_changed('LEADER', c.leader_id::text)
    FROM review_cycles rc JOIN peer_review_clusters c ON c.id = rc.cluster_id
    WHERE rc.id = cycle;
END
$$;

-- Every feed the visit shows in: as above, and those of its reviewers and their schools.
CREATE FUNCTION calendar_visit_changed(changed_visit bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM calendar_visit_row_changed(v.host_urn, v.leader_id, v.cycle_id) FROM review_visits v WHERE v.id = changed_visit;
    PERFORM calendar_scope_changed('STAFF', vr.staff_id::text), calendar_scope_changed('SCHOOL', vr.school_urn)
    FROM visit_reviewers vr WHERE vr.visit_id = changed_visit ORDER BY vr.staff_id;
END
$$;

-- Every feed a network's meetings show in (MeetingFeedQuery): its member schools, its cluster,
-- its cluster's schools and ILE, its organiser, and for an ILE group every ILE.
CREATE FUNCTION calendar_network_row_changed(network bigint, network_kind text, cluster bigint, organiser bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM calendar_scope_changed('CLUSTER', cluster::text), calendar_scope_changed('LEADER', organiser::text);
    PERFORM calendar_scope_changed('LEADER', c.leader_id::text) FROM peer_review_clusters c WHERE c.id = cluster;
    PERFORM calendar_scope_changed('SCHOOL', m.school_urn) FROM network_members m WHERE m.network_id = network ORDER BY m.school_urn;
    PERFORM calendar_scope_changed('SCHOOL', m.school_urn) FROM cluster_members m WHERE m.cluster_id = cluster ORDER BY m.school_urn;
    IF network_kind = 'ILE_GROUP' THEN
        PERFORM calendar_scope_changed('LEADER', l.id::text) FROM inclusion_leaders l ORDER BY l.id;
    END IF;
END
$$;

CREATE FUNCTION calendar_network_changed(changed_network bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM calendar_network_row_changed(n.id, n.kind, n.cluster_id, n.organiser_leader_id) FROM networks n WHERE n.id = changed_network;
END
$$;

-- What one row, as it was or as it is, reaches, by the table it is in.
CREATE FUNCTION calendar_row_changed(source text, r jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    CASE source
    WHEN 'bookings' THEN
        PERFORM calendar_scope_changed('STAFF', r->>'staff_id'), calendar_scope_changed('SCHOOL', r->>'school_urn');
    WHEN 'course_runs' THEN
        PERFORM calendar_run_changed((r->>'id')::bigint);
    WHEN 'course_sessions' THEN
        PERFORM calendar_run_changed((r->>'run_id')::bigint);
    WHEN 'courses' THEN
        PERFORM calendar_run_changed(cr.id) FROM course_runs cr WHERE cr.course_id = (r->>'id')::bigint ORDER BY cr.id;
    WHEN 'review_visits' THEN
        PERFORM calendar_visit_row_changed(r->>'host_urn', (r->>'leader_id')::bigint, (r->>'cycle_id')::bigint);
        PERFORM calendar_visit_changed((r->>'id')::bigint);
    WHEN 'visit_reviewers' THEN
        PERFORM calendar_scope_changed('STAFF', r->>'staff_id'), calendar_scope_changed('SCHOOL', r->>'school_urn');
        PERFORM calendar_visit_changed((r->>'visit_id')::bigint);
    WHEN 'meetings' THEN
        PERFORM calendar_network_changed((r->>'network_id')::bigint);
    WHEN 'networks' THEN
        PERFORM calendar_network_row_changed((r->>'id')::bigint, r->>'kind', (r->>'cluster_id')::bigint, (r->>'organiser_leader_id')::bigint);
    WHEN 'network_members' THEN
        PERFORM calendar_scope_changed('SCHOOL', r->>'school_urn');
    WHEN 'cluster_members' THEN
        PERFORM calendar_scope_changed('SCHOOL', r->>'school_urn'), calendar_scope_changed('CLUSTER', r->>'cluster_id');
    WHEN 'staff' THEN
        PERFORM calendar_scope_changed('STAFF', r->>'id'), calendar_scope_changed('SCHOOL', r->>'school_urn');
        PERFORM calendar_scope_changed('SCHOOL', b.school_urn)
        FROM (SELECT DISTINCT school_urn FROM bookings WHERE staff_id = (r->>'id')::bigint ORDER BY school_urn) b;
        PERFORM calendar_visit_changed(vr.visit_id) FROM visit_reviewers vr WHERE vr.staff_id = (r->>'id')::bigint ORDER BY vr.visit_id;
    END CASE;
END
$$;

-- The row as it was and as it is now, so a row moved from one subject to another (or deleted)
-- reaches the feeds it leaves as well as those it joins.
CREATE FUNCTION calendar_scoped_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM calendar_row_changed(TG_TABLE_NAME, to_jsonb(OLD));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM calendar_row_changed(TG_TABLE_NAME, to_jsonb(NEW));
    END IF;
    RETURN NULL;
END
$$;

-- These tables stop moving the global version row by row (a TRUNCATE of one still does).
DO $$
DECLARE
    source text;
BEGIN
    FOREACH source IN ARRAY ARRAY[
        'bookings', 'course_runs', 'course_sessions', 'courses', 'review_visits', 'visit_reviewers',
        'meetings', 'networks', 'network_members', 'cluster_members', 'staff']
    LOOP
        EXECUTE format('DROP TRIGGER calendar_content_changed ON %I', source);
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER calendar_scope_changed AFTER INSERT OR UPDATE OR DELETE ON %I
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION calendar_scoped_row_changed()', source);
    END LOOP;
END
$$;
