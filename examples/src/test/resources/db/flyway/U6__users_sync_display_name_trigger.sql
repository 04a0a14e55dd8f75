-- DROP TRIGGER takes ACCESS EXCLUSIVE on users, briefly: bound the wait.
SET lock_timeout = '2s';
DROP TRIGGER users_sync_display_name ON users;
DROP FUNCTION users_sync_display_name();
