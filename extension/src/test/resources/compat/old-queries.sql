-- name: select_user
-- params: 1
SELECT id, email, full_name FROM users WHERE id = $1;

-- name: insert_user
-- params: 'ann@example.org', 'Ann'
INSERT INTO users (email, full_name) VALUES ($1, $2);
