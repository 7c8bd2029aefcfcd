-- The leadership figures ask, per school and cut-off, whether a senior leader and a middle
-- leader, and anyone per programme level, had completed a run of a leadership course that
-- ended before the cut-off, counting only staff not removed by then. Every completion of every
-- year counts, so each figure joined every completed leadership booking (160,000 at county
-- size) to every member of staff (240,000): most of a second.
--
-- leadership_firsts keeps, per school and level, when its staff first got there: the earliest
-- end of a run at that level completed (a CONFIRMED booking with completed_at) by a senior
-- leader (SENIOR_LEADER, HEADTEACHER or EXECUTIVE_HEADTEACHER), by a middle leader
-- (MIDDLE_LEADER or SENCO), and by anyone. The school's current staff share one row per level
-- (removed_staff_id NULL); each removed member of staff has rows of their own, with removed_at,
-- since they count only for cut-offs up to their removal. A school has a trained senior leader
-- at a cut-off when a row of it counting then has senior_leader_by before the cut-off, and so
-- on: the same answer as the joins, from a few rows per school.
--
-- It is kept exactly right by triggers in the writer's own transaction, so the figures never
-- lag: a booking completed, uncompleted, confirmed, cancelled, deleted or moved; a run's end or
-- course changed; a course's level changed; a member of staff's role, removal or school changed
-- or the member deleted: each recomputes the rows of the schools concerned from the tables
-- themselves. A TRUNCATE of any of those tables rebuilds it. Writes that bypass triggers (a bulk
-- load with session_replication_role = replica) must call leadership_firsts_rebuild() afterwards.

CREATE TABLE leadership_firsts (
    school_urn text NOT NULL,
    leadership_level text NOT NULL,
    removed_staff_id bigint,
    removed_at timestamptz,
    senior_leader_by timestamptz,
    middle_leader_by timestamptz,
    anyone_by timestamptz NOT NULL,
    CHECK ((removed_staff_id IS NULL) = (removed_at IS NULL)),
    UNIQUE NULLS NOT DISTINCT (school_urn, leadership_level, removed_staff_id)
);

-- Recomputing a school's rows starts from all its staff, removed ones included.
CREATE INDEX staff_all_of_school ON staff (school_urn);

-- The rows the schools should have (every school when urns is NULL), from the tables.
CREATE FUNCTION leadership_firsts_defined(urns text[])
RETURNS TABLE (school_urn text, leadership_level text, removed_staff_id bigint, removed_at timestamptz,
               senior_leader_by timestamptz, middle_leader_by timestamptz, anyone_by timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT st.school_urn, c.leadership_level,
           CASE WHEN st.removed_at IS NOT NULL THEN st.id END, st.removed_at,
           min(r.ends_at) FILTER (WHERE st.role IN ('SENIOR_LEADER', 'HEADTEACHER', 'EXECUTIVE_HEADTEACHER')),
           min(r.ends_at) FILTER (WHERE st.role IN ('MIDDLE_LEADER', 'SENCO')),
           min(r.ends_at)
    FROM staff st
    JOIN bookings b ON b.staff_id = st.id
    JOIN course_runs r ON r.id = b.run_id
    JOIN courses c ON c.id = r.course_id
    WHERE (urns IS NULL OR st.school_urn = ANY (urns))
      AND c.leadership_level IS NOT NULL
      AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL
    GROUP BY st.school_urn, c.leadership_level, CASE WHEN st.removed_at IS NOT NULL THEN st.id END, st.removed_at
$$;

CREATE FUNCTION leadership_firsts_refresh(urns text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    urns := array(SELECT DISTINCT u FROM unnest(urns) u WHERE u IS NOT NULL ORDER BY u);
    IF cardinality(urns) = 0 THEN
        RETURN;
    END IF;
    -- Recomputes take turns, so the one that commits last recomputes from what the other
    -- committed. One lock for them all, not one per school: a register completes several
    -- schools' bookings in one statement, row by row in no order we choose, and two registers
    -- locking the same two schools in opposite orders would deadlock. Recomputes are rare (a
    -- completion on a leadership course, a change to someone's role) and take a millisecond.
    PERFORM pg_advisory_xact_lock(5282233407928353092); -- "INCLLEAD"
    DELETE FROM leadership_firsts f WHERE f.school_urn = ANY (urns);
    INSERT INTO leadership_firsts SELECT * FROM leadership_firsts_defined(urns);
END
$$;

CREATE FUNCTION leadership_firsts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM leadership_firsts;
    INSERT INTO leadership_firsts SELECT * FROM leadership_firsts_defined(NULL);
END
$$;

-- A booking's staff member's school, before and after, when the booking is or was on a run of a
-- leadership course: only those can move these figures, and recomputing a school costs about a
-- millisecond at county size, which every register and bulk load would otherwise pay.
CREATE FUNCTION leadership_firsts_booking_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    staff_ids bigint[] := '{}';
    run_ids bigint[] := '{}';
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        staff_ids := staff_ids || OLD.staff_id;
        run_ids := run_ids || OLD.run_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        staff_ids := staff_ids || NEW.staff_id;
        run_ids := run_ids || NEW.run_id;
    END IF;
    IF EXISTS (SELECT 1 FROM course_runs r JOIN courses c ON c.id = r.course_id
               WHERE r.id = ANY (run_ids) AND c.leadership_level IS NOT NULL) THEN
        PERFORM leadership_firsts_refresh(array(SELECT st.school_urn FROM staff st WHERE st.id = ANY (staff_ids)));
    END IF;
    RETURN NULL;
END
$$;

-- Every school with a completion on the run (or, for a course, on any of its runs).
CREATE FUNCTION leadership_firsts_run_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM leadership_firsts_refresh(array(
        SELECT st.school_urn FROM bookings b JOIN staff st ON st.id = b.staff_id
        WHERE b.run_id = NEW.id AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION leadership_firsts_course_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM leadership_firsts_refresh(array(
        SELECT st.school_urn FROM course_runs r JOIN bookings b ON b.run_id = r.id JOIN staff st ON st.id = b.staff_id
        WHERE r.course_id = NEW.id AND b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION leadership_firsts_staff_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM leadership_firsts_refresh(ARRAY[OLD.school_urn, NEW.school_urn]);
    ELSE
        PERFORM leadership_firsts_refresh(ARRAY[OLD.school_urn]);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION leadership_firsts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM leadership_firsts_rebuild();
    RETURN NULL;
END
$$;

-- Bookings change often (every place booked, offered, cancelled); only those that are or were a
-- completion can move these figures.
CREATE TRIGGER leadership_firsts_booking_added AFTER INSERT ON bookings
    FOR EACH ROW WHEN (NEW.status = 'CONFIRMED' AND NEW.completed_at IS NOT NULL)
    EXECUTE FUNCTION leadership_firsts_booking_changed();
CREATE TRIGGER leadership_firsts_booking_removed AFTER DELETE ON bookings
    FOR EACH ROW WHEN (OLD.status = 'CONFIRMED' AND OLD.completed_at IS NOT NULL)
    EXECUTE FUNCTION leadership_firsts_booking_changed();
CREATE TRIGGER leadership_firsts_booking_changed AFTER UPDATE ON bookings
    FOR EACH ROW WHEN ((OLD.status = 'CONFIRMED' AND OLD.completed_at IS NOT NULL OR NEW.status = 'CONFIRMED' AND NEW.completed_at IS NOT NULL)
                       AND (OLD.status, OLD.completed_at, OLD.run_id, OLD.staff_id) IS DISTINCT FROM (NEW.status, NEW.completed_at, NEW.run_id, NEW.staff_id))
    EXECUTE FUNCTION leadership_firsts_booking_changed();
CREATE TRIGGER leadership_firsts_run_changed AFTER UPDATE ON course_runs
    FOR EACH ROW WHEN ((OLD.ends_at, OLD.course_id) IS DISTINCT FROM (NEW.ends_at, NEW.course_id))
    EXECUTE FUNCTION leadership_firsts_run_changed();
CREATE TRIGGER leadership_firsts_course_changed AFTER UPDATE ON courses
    FOR EACH ROW WHEN (OLD.leadership_level IS DISTINCT FROM NEW.leadership_level)
    EXECUTE FUNCTION leadership_firsts_course_changed();
CREATE TRIGGER leadership_firsts_staff_changed AFTER UPDATE ON staff
    FOR EACH ROW WHEN ((OLD.role, OLD.removed_at, OLD.school_urn) IS DISTINCT FROM (NEW.role, NEW.removed_at, NEW.school_urn))
    EXECUTE FUNCTION leadership_firsts_staff_changed();
CREATE TRIGGER leadership_firsts_staff_removed AFTER DELETE ON staff
    FOR EACH ROW EXECUTE FUNCTION leadership_firsts_staff_changed();
CREATE TRIGGER leadership_firsts_bookings_truncated AFTER TRUNCATE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_firsts_truncated();
CREATE TRIGGER leadership_firsts_staff_truncated AFTER TRUNCATE ON staff
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_firsts_truncated();
CREATE TRIGGER leadership_firsts_runs_truncated AFTER TRUNCATE ON course_runs
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_firsts_truncated();
CREATE TRIGGER leadership_firsts_courses_truncated AFTER TRUNCATE ON courses
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_firsts_truncated();

SELECT leadership_firsts_rebuild();
