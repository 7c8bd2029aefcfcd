-- Failed sign-ins are remembered per email address as typed (whether or not an account
-- has it) and per client address, so a client that keeps failing is slowed the same way
-- for known and unknown addresses and nobody can lock a real owner out. The key is the
-- SHA-256 of 'email:<lower-cased email>' or 'address:<client IP>', so the table holds no
-- guessed addresses in clear. not_before is when the next attempt under that key is
-- checked at all; until then every attempt gets the same "try again later" answer.
--
-- accounts.failed_sign_ins and accounts.locked_until (0002) are no longer used: an account
-- is never locked by failures any more.

CREATE TABLE sign_in_throttle (
    key              bytea PRIMARY KEY CHECK (length(key) = 32),
    failures         integer NOT NULL CHECK (failures > 0),
    last_failure_at  timestamptz NOT NULL,
    not_before       timestamptz
);

-- Forgotten failures are swept by age.
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
