-- +goose Up
CREATE INDEX users_id ON users (id);
-- +goose Down
DROP INDEX users_id;
