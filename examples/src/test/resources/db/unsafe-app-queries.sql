-- The queries of the application version deployed before db/unsafe V23: it reads and writes customers.name. While
-- a migration rolls out, this version is still running, so each UP must leave these queries working (the Golden
-- Rule). migratest runs them before and after each UP, in a transaction it rolls back; a query that worked before
-- and fails after is the finding old-code-query-fails. V23's one-step rename breaks both.

-- name: customer_names
SELECT id, email, name FROM customers ORDER BY id LIMIT 20;

-- name: rename_customer
-- params: 'Ann Example'
UPDATE customers SET name = $1 WHERE id = (SELECT min(id) FROM customers);
