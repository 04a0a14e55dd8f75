package dev.migratest.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops the scratch databases a killed JVM left on an external server — and nothing else. A database is dropped only
 * when all of these hold: its name has migratest's form ({@code migratest_<run>_…}); its comment is a
 * {@link ScratchMark} of that same run (a database without it, or kept for inspection, is never touched); the mark
 * names this host and a process that is gone ({@link ScratchMark#creatorGoneOnThisHost()}); no session of that run is
 * connected to the server; and nobody is connected to the database itself (DROP without FORCE fails then). A run on
 * another host cannot be seen from here, so its databases are left to it.
 */
final class LeftoverSweep {
    private static final System.Logger LOG = System.getLogger(LeftoverSweep.class.getName());
    private static final Pattern SCRATCH_NAME = Pattern.compile("migratest_[0-9a-f]{8}_[a-z0-9_]+");

    /** What one sweep did: the databases dropped, and the leftovers it tried but could not drop, with why. */
    record Result(List<String> dropped, List<String> notDropped) {
        /** The line printed when something was dropped, e.g. {@code dropped 1 scratch database … : migratest_…}. */
        String summary() {
            return "migratest dropped " + dropped.size() + " scratch database" + (dropped.size() == 1 ? "" : "s")
                    + " left by runs on this host whose JVM ended without cleaning up: " + String.join(", ", dropped);
        }
    }

    private LeftoverSweep() {
    }

    static Result sweep(ServerAddress address) throws SQLException {
        List<String> dropped = new ArrayList<>();
        List<String> notDropped = new ArrayList<>();
        try (Connection c = address.connect(address.defaultDatabase()); Statement st = c.createStatement()) {
            Set<String> liveRuns = liveRuns(st);
            List<String[]> candidates = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                    + " WHERE datname LIKE 'migratest\\_%' ORDER BY datname")) {
                while (rs.next()) candidates.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] candidate : candidates) {
                String name = candidate[0];
                Optional<ScratchMark> mark = ScratchMark.parse(candidate[1]);
                if (!SCRATCH_NAME.matcher(name).matches() || mark.isEmpty()
                        || !name.startsWith(PostgresServer.PREFIX + mark.get().runId() + "_")
                        || !mark.get().creatorGoneOnThisHost()
                        || liveRuns.contains(PostgresServer.applicationName(mark.get().runId()))) {
                    continue;
                }
                String described = name + " (run " + mark.get().runId() + ", pid " + mark.get().pid() + ", created "
                        + mark.get().created() + ")";
                try {
                    st.execute("DROP DATABASE " + name);
                    dropped.add(described);
                } catch (SQLException e) {
                    notDropped.add(described + ": " + ServerAddress.mask(e.getMessage()));
                }
            }
        }
        Result result = new Result(List.copyOf(dropped), List.copyOf(notDropped));
        if (!dropped.isEmpty()) LOG.log(System.Logger.Level.INFO, result.summary());
        if (!notDropped.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "migratest left these leftover scratch databases in place: "
                    + String.join("; ", notDropped));
        }
        return result;
    }

    /** Application names of migratest runs connected right now (visible to every user of the server). */
    private static Set<String> liveRuns(Statement st) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT application_name FROM pg_stat_activity"
                + " WHERE application_name LIKE 'migratest run %'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
