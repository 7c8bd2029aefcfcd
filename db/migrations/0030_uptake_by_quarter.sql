-- Uptake by quarter: the delivery plan counts an action of a review report as implemented in
-- the quarter it was marked IMPLEMENTED, so that moment is kept beside the status. Actions
-- marked before this column existed take their last change (updated_at), which for an
-- IMPLEMENTED action is when its status was last set. The figures read
-- coalesce(implemented_at, updated_at), so rows written directly (imports, demo data) count too.

ALTER TABLE review_actions ADD COLUMN implemented_at timestamptz;

UPDATE review_actions SET implemented_at = updated_at WHERE status = 'IMPLEMENTED';

-- Only attendees' evaluations count (someone who attended no session cannot judge a run),
-- so the figures look up present marks by booking.
CREATE INDEX attendance_present_booking ON attendance (booking_id) WHERE present;
