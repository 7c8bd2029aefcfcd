-- A current staff email is unique within its school, not across the county. A person may
-- work at two schools (a SENCO shared by a federation, a peripatetic teacher), and one
-- school must neither learn that an address is on another school's staff nor be able to
-- block an address for another school by adding it first.

DROP INDEX staff_email_current;

CREATE UNIQUE INDEX staff_email_current ON staff (school_urn, lower(email)) WHERE removed_at IS NULL AND email IS NOT NULL;
