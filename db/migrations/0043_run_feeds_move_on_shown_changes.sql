-- Feeds move on only when something they show changes.
--
-- Migration 0022 moved the STAFF and SCHOOL feed versions of everyone booked on a run on every
-- update of the run's row. Every booking updates that row (its counts of places and its
-- version), so each booking touched two feed keys per person already on the run: on a run
-- filling up, each write did more work than the one before, and a stream of bookings on one run
-- ran at a tenth of the rate of plain inserts. The counts, the version and the capacity appear
-- in no feed (what a person's or school's feed shows of their own booking moves with the
-- booking's row), so an update now reaches the run's feeds only when a column a feed shows, or
-- one that decides what it shows, has changed. Adding or removing a run reaches them as before.
--
-- Likewise a booking reaches its person's and school's feeds only when a feed shows it, as it is
-- or as it was: a place held or offered, or one given up after it was (BookingFeedQuery's StaffHeld
-- and SchoolHeld). A place on the waiting list shows in no feed, so joining or leaving the
-- waiting list moves no version.
--
-- The feeds' DTSTAMP and LAST-MODIFIED no longer take the run row's updated_at (which moves with
-- every booking) but the moments its shown content changed: see BookingFeedQuery.

SET CONSTRAINTS ALL IMMEDIATE;

DROP TRIGGER calendar_scope_changed ON course_runs;

CREATE CONSTRAINT TRIGGER calendar_scope_changed AFTER INSERT OR DELETE ON course_runs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION calendar_scoped_row_changed();

CREATE CONSTRAINT TRIGGER calendar_scope_shown_run_changed AFTER UPDATE ON course_runs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD.course_id, OLD.venue, OLD.district_id, OLD.starts_at, OLD.ends_at, OLD.status, OLD.cancelled_at, OLD.cancel_reason, OLD.sequence)
          IS DISTINCT FROM
          (NEW.course_id, NEW.venue, NEW.district_id, NEW.starts_at, NEW.ends_at, NEW.status, NEW.cancelled_at, NEW.cancel_reason, NEW.sequence))
    EXECUTE FUNCTION calendar_scoped_row_changed();

-- Whether any feed shows a booking in this state: held, offered, or given up after either.
CREATE FUNCTION booking_shown_in_feeds(status text, confirmed_at timestamptz, offered_at timestamptz) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT status IN ('CONFIRMED', 'OFFERED') OR confirmed_at IS NOT NULL OR offered_at IS NOT NULL
$$;

DROP TRIGGER calendar_scope_changed ON bookings;

CREATE CONSTRAINT TRIGGER calendar_scope_shown_booking_added AFTER INSERT ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (booking_shown_in_feeds(NEW.status, NEW.confirmed_at, NEW.offered_at))
    EXECUTE FUNCTION calendar_scoped_row_changed();

CREATE CONSTRAINT TRIGGER calendar_scope_shown_booking_changed AFTER UPDATE ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (booking_shown_in_feeds(OLD.status, OLD.confirmed_at, OLD.offered_at) OR booking_shown_in_feeds(NEW.status, NEW.confirmed_at, NEW.offered_at))
    EXECUTE FUNCTION calendar_scoped_row_changed();

CREATE CONSTRAINT TRIGGER calendar_scope_shown_booking_removed AFTER DELETE ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (booking_shown_in_feeds(OLD.status, OLD.confirmed_at, OLD.offered_at))
    EXECUTE FUNCTION calendar_scoped_row_changed();
