-- People come in by invitation and recover their accounts by email. An invitation names
-- the person, the roles and (for school-bound roles) the school, optionally the member of
-- staff the account will be; it carries a single-use token stored only as its SHA-256 hash.
-- A password reset is a single-use token for one account. The NETWORK_LEAD role joins the
-- roles, and accounts remember when they last signed in.

CREATE TABLE invitations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    roles       text[] NOT NULL CHECK (cardinality(roles) > 0),
    school_urn  text REFERENCES schools (urn),
    staff_id    bigint REFERENCES staff (id),
    invited_by  bigint REFERENCES accounts (id),
    token_hash  bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    -- The account the invitation became.
    account_id  bigint REFERENCES accounts (id),
    withdrawn_at timestamptz,
    CHECK (expires_at > created_at)
);

-- The open invitations (admins' and each school's list).
CREATE INDEX invitations_open ON invitations (school_urn, created_at) WHERE accepted_at IS NULL AND withdrawn_at IS NULL;
CREATE INDEX invitations_email ON invitations (lower(email));

CREATE TABLE password_resets (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE INDEX password_resets_account ON password_resets (account_id);

ALTER TABLE account_roles DROP CONSTRAINT account_roles_role_check;
ALTER TABLE account_roles ADD CONSTRAINT account_roles_role_check
    CHECK (role IN ('STAFF', 'SCHOOL_BOOKER', 'LEADER', 'PROVIDER', 'COMMISSIONER', 'ADMIN', 'NETWORK_LEAD'));

ALTER TABLE accounts ADD COLUMN last_sign_in_at timestamptz;
