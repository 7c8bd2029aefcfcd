-- Demo data bookkeeping: each step of the demo data loads once, in its own transaction,
-- and is recorded here, so features that add demo data later reach existing databases
-- without loading anything twice.

CREATE TABLE demo_data_steps (
    step      text PRIMARY KEY,
    loaded_at timestamptz NOT NULL
);
