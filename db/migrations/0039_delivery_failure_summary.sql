-- Admins hear once a day about messages that could not be delivered for good (an address
-- that does not exist, a mailbox that refuses), so someone can correct the address and tell
-- the person another way. Each FAILED message is reported in exactly one daily summary: the
-- summary marks the messages it lists, in the transaction that writes it, with the day it
-- went; the partial index keeps the daily look-up to the few not reported yet.

ALTER TABLE notifications ADD COLUMN failure_reported_on date;

CREATE INDEX notifications_failures_unreported ON notifications (id) WHERE status = 'FAILED' AND failure_reported_on IS NULL;
