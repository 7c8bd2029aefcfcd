-- The evaluation figures count attendees' answers (an evaluation, a follow-up) on the runs
-- that start in the year. Answers know their booking but not its run, so each figure read
-- every evaluation and follow-up of every year, the year's bookings and every attendance mark
-- to find the few tens of thousands that count: seconds at county size.
--
-- attendee_answers holds one row per booking that has an answer and at least one session
-- marked present: its run and school (as the booking has them) and the answers with when each
-- was given, indexed by run so a year's answers are read from the year's runs alone. Which
-- answers count, and for which quarter, is still decided by the figures: this only keeps the
-- facts side by side.
--
-- It is kept exactly right by triggers in the writer's own transaction, so the figures never
-- lag: every insert, update or delete of an evaluation, a follow-up or an attendance mark, and
-- a booking given another run or school, recomputes that booking's row from the tables
-- themselves (so no sequence of writes can leave it off by one); a TRUNCATE of any of them
-- rebuilds it; deleting a booking deletes its row. Writes that bypass triggers (a bulk load with
-- session_replication_role = replica) must call attendee_answers_rebuild() afterwards.

CREATE TABLE attendee_answers (
    booking_id bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    run_id bigint NOT NULL,
    school_urn text NOT NULL,
    evaluated_at timestamptz,
    content text,
    knowledge_improved text,
    confidence_improved text,
    followed_up_at timestamptz,
    implemented text,
    CHECK (evaluated_at IS NOT NULL OR followed_up_at IS NOT NULL)
);

CREATE INDEX attendee_answers_by_run ON attendee_answers (run_id)
    INCLUDE (school_urn, evaluated_at, content, knowledge_improved, confidence_improved, followed_up_at, implemented);

-- The row one booking should have (none when it has no answer or no session attended).
CREATE FUNCTION attendee_answers_refresh(changed bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF changed IS NULL THEN
        RETURN;
    END IF;
    -- Writers of the same booking take turns, so the one that commits last recomputes from
    -- what the other committed (an attendance correction and an answer at the same moment
    -- could otherwise each miss the other's row). The grains already write a run's bookings
    -- one at a time; this holds for any other writer too.
    PERFORM 1 FROM bookings WHERE id = changed FOR NO KEY UPDATE;
    DELETE FROM attendee_answers WHERE booking_id = changed;
    INSERT INTO attendee_answers (booking_id, run_id, school_urn, evaluated_at, content, knowledge_improved, confidence_improved,
                                  followed_up_at, implemented)
    SELECT b.id, b.run_id, b.school_urn, e.submitted_at, e.content, e.knowledge_improved, e.confidence_improved,
           f.submitted_at, f.implemented
    FROM bookings b
    LEFT JOIN evaluations e ON e.booking_id = b.id
    LEFT JOIN follow_ups f ON f.booking_id = b.id
    WHERE b.id = changed
      AND (e.booking_id IS NOT NULL OR f.booking_id IS NOT NULL)
      AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present);
END
$$;

-- Every row anew: the backfill below, after a TRUNCATE, and after a bulk load without triggers.
CREATE FUNCTION attendee_answers_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM attendee_answers;
    INSERT INTO attendee_answers (booking_id, run_id, school_urn, evaluated_at, content, knowledge_improved, confidence_improved,
                                  followed_up_at, implemented)
    SELECT b.id, b.run_id, b.school_urn, e.submitted_at, e.content, e.knowledge_improved, e.confidence_improved,
           f.submitted_at, f.implemented
    FROM (SELECT booking_id FROM evaluations UNION SELECT booking_id FROM follow_ups) answered
    JOIN bookings b ON b.id = answered.booking_id
    LEFT JOIN evaluations e ON e.booking_id = b.id
    LEFT JOIN follow_ups f ON f.booking_id = b.id
    WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present);
END
$$;

-- Row triggers on the answers and marks: the booking before and after the change (an update
-- may move a row to another booking).
CREATE FUNCTION attendee_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM attendee_answers_refresh(OLD.booking_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM attendee_answers_refresh(NEW.booking_id);
    END IF;
    RETURN NULL;
END
$$;

-- A booking given another run or school: its row follows it.
CREATE FUNCTION attendee_answers_booking_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM attendee_answers_refresh(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION attendee_answers_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM attendee_answers_rebuild();
    RETURN NULL;
END
$$;

-- Erasing a person clears comments and notes only: those updates leave the figures alone.
CREATE TRIGGER attendee_answers_evaluation_changed
    AFTER INSERT OR DELETE OR UPDATE OF booking_id, content, knowledge_improved, confidence_improved, submitted_at ON evaluations
    FOR EACH ROW EXECUTE FUNCTION attendee_answers_changed();
CREATE TRIGGER attendee_answers_follow_up_changed
    AFTER INSERT OR DELETE OR UPDATE OF booking_id, implemented, submitted_at ON follow_ups
    FOR EACH ROW EXECUTE FUNCTION attendee_answers_changed();
-- A register marked again rewrites every mark; only a change of presence (or booking) matters.
CREATE TRIGGER attendee_answers_attendance_added
    AFTER INSERT OR DELETE ON attendance
    FOR EACH ROW EXECUTE FUNCTION attendee_answers_changed();
CREATE TRIGGER attendee_answers_attendance_changed
    AFTER UPDATE ON attendance
    FOR EACH ROW WHEN (OLD.present IS DISTINCT FROM NEW.present OR OLD.booking_id IS DISTINCT FROM NEW.booking_id)
    EXECUTE FUNCTION attendee_answers_changed();
CREATE TRIGGER attendee_answers_booking_moved
    AFTER UPDATE OF run_id, school_urn ON bookings
    FOR EACH ROW WHEN (OLD.run_id IS DISTINCT FROM NEW.run_id OR OLD.school_urn IS DISTINCT FROM NEW.school_urn)
    EXECUTE FUNCTION attendee_answers_booking_moved();
CREATE TRIGGER attendee_answers_evaluations_truncated AFTER TRUNCATE ON evaluations
    FOR EACH STATEMENT EXECUTE FUNCTION attendee_answers_truncated();
CREATE TRIGGER attendee_answers_follow_ups_truncated AFTER TRUNCATE ON follow_ups
    FOR EACH STATEMENT EXECUTE FUNCTION attendee_answers_truncated();
CREATE TRIGGER attendee_answers_attendance_truncated AFTER TRUNCATE ON attendance
    FOR EACH STATEMENT EXECUTE FUNCTION attendee_answers_truncated();

SELECT attendee_answers_rebuild();
