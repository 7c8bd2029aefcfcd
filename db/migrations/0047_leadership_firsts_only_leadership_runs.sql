-- Completing a booking recomputed its school's leadership_firsts rows (migration 0046) whatever
-- the course: about a millisecond per booking at county size, paid by every register marked
-- and every bulk load, though only runs of a course with a leadership level can move those
-- rows. A booking on any other run now costs two index look-ups. A course given a level (or
-- losing one) still recomputes every school with a completion on its runs, as before.

CREATE OR REPLACE FUNCTION leadership_firsts_booking_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
