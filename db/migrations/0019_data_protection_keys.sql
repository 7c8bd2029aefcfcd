-- The keys ASP.NET Core Data Protection encrypts antiforgery tokens and TempData with, kept in
-- the database every silo shares: a form drawn by one silo behind a load balancer must be
-- accepted when it is posted to another, and a restart must not void the forms people have open.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL UNIQUE CHECK (length(friendly_name) BETWEEN 1 AND 200),
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
