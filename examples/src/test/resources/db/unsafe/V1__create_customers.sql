-- Setup, not an anti-pattern. Tables are created in migrations of their own, before the anti-patterns: locks on a
-- table created in the same migration hurt nobody (no one else can see it yet) and are not reported.
-- The test loads 5 000 rows into every empty table before each UP, so later migrations meet real data.
CREATE TABLE customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      varchar(320) NOT NULL,
    name       text,
    created_at timestamptz  NOT NULL DEFAULT now()
);
