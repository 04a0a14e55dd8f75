-- Postgres cannot drop an enum value: rebuild the type without it.
-- This rewrites orders under ACCESS EXCLUSIVE, so a real rollback should run in a maintenance window; rows that
-- already use 'refunded' must be handled first, or the cast below fails (which is the safe outcome).
-- lock_timeout: if orders is busy, fail fast instead of queueing every reader behind the rewrite.
-- migratest:allow type-change-rewrite, access-exclusive-held-across-statements — the enum rebuild must rewrite
-- orders; this rollback is for a maintenance window, never for a live deploy.
SET lock_timeout = '2s';
ALTER TYPE order_status RENAME TO order_status_old;
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
DROP TYPE order_status_old;
