-- +goose Up
-- +goose NO TRANSACTION
CREATE INDEX CONCURRENTLY orders_id ON orders (id);

-- +goose Down
-- +goose NO TRANSACTION
DROP INDEX CONCURRENTLY orders_id;
