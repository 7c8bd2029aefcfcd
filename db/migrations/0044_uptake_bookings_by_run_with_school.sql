-- The evaluation figures read every booking (of any status: an answer given stays given) on
-- the runs starting in the year, by run, for its id (to find its evaluation, follow-up and
-- attendance) and its school (to group by). From the table that meant reading all of a
-- county's million bookings for the few thousand runs of one year; this index holds just
-- those three columns by run, so the year's bookings are read from it alone.

CREATE INDEX bookings_by_run_with_school ON bookings (run_id) INCLUDE (id, school_urn);
