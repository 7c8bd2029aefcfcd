-- Identity: accounts with hashed passwords, their roles, and the opaque tokens that
-- stand for a signed-in person (browser sessions and personal access tokens alike,
-- stored only as SHA-256 hashes so a database leak reveals no usable token).

CREATE TABLE inclusion_leaders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL,
    email        text NOT NULL,
    school_urn   text REFERENCES schools (urn),
    max_clusters integer NOT NULL DEFAULT 6 CHECK (max_clusters > 0),
    created_at   timestamptz NOT NULL
);

CREATE UNIQUE INDEX inclusion_leaders_email ON inclusion_leaders (lower(email));

CREATE TABLE accounts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email            text NOT NULL,
    name             text NOT NULL,
    password_hash    text NOT NULL,
    -- School-bound roles (STAFF, SCHOOL_BOOKER) act for this school.
    school_urn       text REFERENCES schools (urn),
    -- The member of staff this account is, for STAFF (their own bookings).
    staff_id         bigint REFERENCES staff (id),
    -- The ILE this account is, for LEADER.
    leader_id        bigint REFERENCES inclusion_leaders (id),
    failed_sign_ins  integer NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL,
    disabled_at      timestamptz
);

CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));

CREATE TABLE account_roles (
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('STAFF', 'SCHOOL_BOOKER', 'LEADER', 'PROVIDER', 'COMMISSIONER', 'ADMIN')),
    PRIMARY KEY (account_id, role)
);

CREATE TABLE access_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('SESSION', 'PERSONAL')),
    name         text,
    token_hash   bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE INDEX access_tokens_account ON access_tokens (account_id);
