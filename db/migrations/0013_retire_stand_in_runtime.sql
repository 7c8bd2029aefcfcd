-- Retire the in-house grain runtime's tables. Grains now run on Orleans, whose reminders
-- and grain state live in the ADO.NET providers' tables (0010_orleans.sql); nothing reads
-- grain_reminders or grain_state any more. Reminders the old runtime still held are not
-- carried over: each grain registers its Orleans reminder again on its next command, and
-- the rows they stood for (open offers, due self-evaluations) stay in the domain tables.

DROP TABLE grain_reminders;
DROP TABLE grain_state;
