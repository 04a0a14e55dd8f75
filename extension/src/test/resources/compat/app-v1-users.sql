-- The queries of application version 1 against users(id, email, full_name).

-- name: select_user
-- params: 1
SELECT id, email, full_name FROM users WHERE id = $1;

-- name: insert_user
-- params: 'ann@example.org', 'Ann'
INSERT INTO users (email, full_name) VALUES ($1, $2);

-- name: rename_user
-- params: 'Ann B.', 1
UPDATE users SET full_name = $1 WHERE id = $2;

-- name: count_users
SELECT count(*) FROM users;
