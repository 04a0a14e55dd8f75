-- Undo the data change (also whole-table: this history shows what not to do, in both directions).
UPDATE customers SET nickname = NULL;
