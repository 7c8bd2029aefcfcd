-- Leaders can retire, and networks name their organisers: a retired ILE keeps their clusters' history and can lead no new
-- cluster. People can be erased: their rows stay (every measure keeps its counts) with the
-- personal data replaced, and erased_at says when, for the record and for the retention job.

ALTER TABLE inclusion_leaders ADD COLUMN retired_at timestamptz;
ALTER TABLE inclusion_leaders ADD COLUMN erased_at timestamptz;
ALTER TABLE accounts ADD COLUMN erased_at timestamptz;
ALTER TABLE staff ADD COLUMN erased_at timestamptz;

-- The retention job's question: staff removed long ago and not yet erased.
CREATE INDEX staff_removed_unerased ON staff (removed_at) WHERE removed_at IS NOT NULL AND erased_at IS NULL;

-- A network's organisers: accounts of leaders or network leads (a council officer running the
-- SENCO forum) who may schedule, move and cancel its meetings.
CREATE TABLE network_organisers (
    network_id bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    account_id bigint NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (network_id, account_id)
);

CREATE INDEX network_organisers_account ON network_organisers (account_id);
