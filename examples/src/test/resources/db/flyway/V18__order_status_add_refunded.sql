-- Appending an enum value is a catalog-only change. Only append: values cannot be removed or reordered cheaply.
ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'shipped';
