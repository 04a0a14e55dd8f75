-- Setup. The test keeps this table empty (tableRows = "audit_log=0"): V19's NOT NULL column without a default only
-- succeeds on an empty table, which is exactly why it is a trap on a table that will grow.
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
