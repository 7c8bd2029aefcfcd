-- The uptake measures read confirmed bookings by run: training (the year's runs, who booked
-- and whether they completed) and leadership (runs of leadership courses, by whom, completed).
-- Over a county's million bookings, reading them from the table meant a full scan of every
-- booking of every year and status for each figure; this index holds just the confirmed ones,
-- by run, with the columns those figures read, so the leadership figures (a few runs of a few
-- courses) are answered from the index alone, and the training figures can be.

CREATE INDEX bookings_confirmed_by_run ON bookings (run_id) INCLUDE (school_urn, staff_id, completed_at) WHERE status = 'CONFIRMED';
