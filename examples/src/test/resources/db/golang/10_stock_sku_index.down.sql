-- CONCURRENTLY again: a plain DROP INDEX would take ACCESS EXCLUSIVE on stock.
DROP INDEX CONCURRENTLY stock_sku_idx;
