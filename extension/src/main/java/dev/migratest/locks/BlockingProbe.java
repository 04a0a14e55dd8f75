package dev.migratest.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks, from a second connection, whether the application could still read and write a table: a primary-key SELECT
 * and a primary-key UPDATE (rolled back), each under a short {@code lock_timeout}. A lock timeout ({@code 55P03})
 * means the application would have waited; so does being cancelled as a deadlock's victim ({@code 40P01}): a probe
 * in a wait-for cycle was waiting. Measured, not inferred: it catches what lock tables alone hide (the planner locking
 * every index, row locks of a backfill, locks on referenced tables). {@link ProbeTimeouts} bounds its waits.
 */
final class BlockingProbe {
    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String DEADLOCK_DETECTED = "40P01";

    /** Table name, its primary key columns and one column a no-op UPDATE may assign, quoted for SQL. */
    private static final String SHAPE = """
            select format('%I.%I', n.nspname, c.relname), c.relkind::text,
                   (select string_agg(quote_ident(a.attname), ', ' order by array_position(i.indkey::int2[], a.attnum))
                      from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                     where i.indrelid = c.oid and i.indisprimary),
                   (select quote_ident(a.attname) from pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                       and a.attidentity <> 'a' order by a.attnum limit 1)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = ?
            """;

    private final Connection connection;
    private final ProbeTimeouts timeouts;

    BlockingProbe(Connection connection, ProbeTimeouts timeouts) {
        this.connection = connection;
        this.timeouts = timeouts;
    }

    /** Both answers; a table the second connection cannot see (created by the migrating transaction) blocks nobody. */
    ProbeResult probe(long tableOid) throws SQLException {
        String name;
        String relkind;
        String key;
        String writable;
        try (PreparedStatement shape = connection.prepareStatement(SHAPE)) {
            shape.setLong(1, tableOid);
            try (ResultSet rs = shape.executeQuery()) {
                if (!rs.next()) return ProbeResult.NOT_BLOCKED;
                name = rs.getString(1);
                relkind = rs.getString(2);
                key = rs.getString(3);
                writable = rs.getString(4);
            }
        }
        String pick = key == null ? "" : " WHERE (" + key + ") = (SELECT " + key + " FROM " + name + " LIMIT 1)";
        Boolean reads = blocks("SELECT 1 FROM " + name + pick + " LIMIT 1");
        // A table whose reads wait is one whose writes wait too: ACCESS EXCLUSIVE on it or on one of its indexes.
        if (Boolean.TRUE.equals(reads)) return new ProbeResult(true, true);
        if (relkind.equals("m") || writable == null) return new ProbeResult(reads, false);
        String rowPick = key == null ? " WHERE ctid = (SELECT ctid FROM " + name + " LIMIT 1)" : pick;
        Boolean writes = blocks("UPDATE " + name + " SET " + writable + " = " + writable + rowPick);
        return new ProbeResult(reads, writes);
    }

    /**
     * {@code true} when the statement waited longer than the lock timeout or was a deadlock's victim, {@code null}
     * when it failed otherwise.
     */
    private Boolean blocks(String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + timeouts.lock().toMillis() + "ms'");
            // A probe must never become the thing that blocks: it waits for locks, never for long.
            statement.execute("SET LOCAL statement_timeout = '" + timeouts.statement().toMillis() + "ms'");
            statement.execute(sql);
            return false;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK_DETECTED.equals(e.getSQLState())) return true;
            return null;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Reads and writes blocked; {@code null} = the probe failed for another reason than a lock. */
    record ProbeResult(Boolean reads, Boolean writes) {
        static final ProbeResult NOT_BLOCKED = new ProbeResult(false, false);

        /**
         * What two probes of one table during one statement say together: blocked if either was, unknown if either
         * could not tell. A later probe must not undo an earlier one (in autocommit, locks come and go).
         */
        ProbeResult combinedWith(ProbeResult later) {
            return new ProbeResult(either(reads, later.reads), either(writes, later.writes));
        }

        private static Boolean either(Boolean a, Boolean b) {
            if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) return true;
            return a == null || b == null ? null : false;
        }
    }
}
