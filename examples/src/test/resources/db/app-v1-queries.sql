-- The queries of the shop application as deployed before the expand-contract rename of users.full_name to
-- display_name (db/flyway V5..V7): this version knows full_name (and phone, added nullable in V4), and nothing newer.
-- While V5 and later roll out, this version is still running: every migration must leave these queries working
-- (the Golden Rule). migratest runs them after each UP inside a transaction it rolls back.
--
-- Syntax: queries end with ';'. "-- name:" names a query in failures (else "line N"). "$1, $2, ..." are parameters;
-- "-- params:" gives their values as SQL literals or expressions, comma-separated, on the query's lines or just
-- above it. Real values matter: an INSERT run with them shows NOT NULL and CHECK violations.
-- The order queries expect the rehearsal data to hold user 1 and product 1 (foreign keys).

-- name: user_by_id
-- params: 1
SELECT id, email, full_name, phone, created_at FROM users WHERE id = $1;

-- name: user_by_email
-- params: 'Ann@Example.org'
SELECT id, full_name FROM users WHERE lower(email) = lower($1);

-- name: insert_user
-- params: 'new-user@example.org', 'New User'
INSERT INTO users (email, full_name) VALUES ($1, $2) RETURNING id;

-- name: rename_user
-- params: 'Ann B. Example', 1
UPDATE users SET full_name = $1 WHERE id = $2;

-- name: set_user_phone
-- params: '+44 20 7946 0958', 1
UPDATE users SET phone = $1 WHERE id = $2;

-- name: list_products
SELECT id, sku, title, price_cents FROM products ORDER BY title LIMIT 50;

-- name: insert_product
-- params: 'MUG-001', 'Mug', 1250
INSERT INTO products (sku, title, price_cents) VALUES ($1, $2, $3) RETURNING id;

-- name: reprice_product
-- params: 1399, 1
UPDATE products SET price_cents = $1 WHERE id = $2;

-- name: insert_order
-- params: 1, 1, 2
INSERT INTO orders (user_id, product_id, quantity) VALUES ($1, $2, $3) RETURNING id, status;

-- name: orders_of_user
-- params: 1
SELECT o.id, o.status, o.quantity, o.created_at, p.title, p.price_cents
FROM orders o
JOIN products p ON p.id = o.product_id
WHERE o.user_id = $1
ORDER BY o.created_at DESC
LIMIT 20;

-- name: mark_order_paid
-- params: 1
UPDATE orders SET status = 'paid' WHERE id = $1 AND status = 'pending';
