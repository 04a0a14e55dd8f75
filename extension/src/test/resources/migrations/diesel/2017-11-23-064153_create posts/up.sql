CREATE TABLE posts (id serial PRIMARY KEY);
