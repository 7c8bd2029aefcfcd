-- Leaders can retire: a retired ILE keeps their clusters' history and can lead no new
-- cluster. People can be erased: their rows stay (every measure keeps its counts) with the
-- personal data replaced, and erased_at says when, for the record and for the retention job.

ALTER TABLE inclusion_leaders ADD COLUMN retired_at timestamptz;
ALTER TABLE inclusion_leaders ADD COLUMN erased_at timestamptz;
ALTER TABLE accounts ADD COLUMN erased_at timestamptz;
ALTER TABLE staff ADD COLUMN erased_at timestamptz;

-- The retention job's question: staff removed long ago and not yet erased.
CREATE INDEX staff_removed_unerased ON staff (removed_at) WHERE removed_at IS NOT NULL AND erased_at IS NULL;
