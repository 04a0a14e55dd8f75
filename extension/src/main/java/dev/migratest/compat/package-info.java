/**
 * Backward compatibility with the previous application version (the seeds' Golden Rule: every migration must be
 * backward compatible with the code still running during the deployment). The user lists the queries the old code
 * runs ({@link dev.migratest.compat.OldQueries}); after an UP they are run against the migrated schema inside a
 * transaction that is always rolled back ({@link dev.migratest.compat.OldCodeCheck}); each one that fails is an
 * {@link dev.migratest.compat.OldQueryFailure}.
 *
 * <p>A leaf: it reads files with the migration package's splitter and talks to a JDBC connection, nothing more.
 */
package dev.migratest.compat;
