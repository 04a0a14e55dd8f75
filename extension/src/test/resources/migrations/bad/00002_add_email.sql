-- +goose Up
ALTER TABLE users ADD email text;
-- +goose Up
CREATE INDEX users_email ON users (email);
-- +goose Down
ALTER TABLE users DROP email;
