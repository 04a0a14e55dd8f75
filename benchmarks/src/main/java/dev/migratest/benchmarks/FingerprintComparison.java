package dev.migratest.benchmarks;

import dev.migratest.data.DataSnapshot;
import dev.migratest.data.DataWatch;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one data fingerprint of a table costs, against a sequential scan of the same table, side by side: per round,
 * in an order that rotates, {@code select count(*)} (a scan that reads no values), {@code select sum(length(t::text))}
 * (a scan that reads every value through its text form) and migratest's fingerprint ({@link DataWatch#snapshot},
 * row count plus per column non-NULL count and value checksum, catalog read included). Warm cache, default parallel
 * settings, embedded server with migratest's defaults.
 * <p>
 * The table: {@code rows} rows of 8 columns (bigint PK, two texts, integer, numeric(12,2), timestamptz, boolean,
 * small jsonb; ~5 % NULLs in each nullable column), filled with {@code generate_series} and VACUUM ANALYZEd.
 * <p>
 * Usage: {@code java -cp benchmarks/target/migratest-benchmarks.jar dev.migratest.benchmarks.FingerprintComparison
 * [rows] [rounds]} (defaults 1 000 000 and 7).
 */
public final class FingerprintComparison {
    static final String COUNT = "count(*) scan";
    static final String ROW_TEXT = "sum(length(t::text)) scan";
    static final String FINGERPRINT = "migratest fingerprint";
    private static final List<String> CONTENDERS = List.of(COUNT, ROW_TEXT, FINGERPRINT);

    private FingerprintComparison() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        run(rows, rounds, System.out);
    }

    /** Seconds per contender, in round order. */
    static Map<String, List<Double>> run(int rows, int rounds, PrintStream out) throws Exception {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        CONTENDERS.forEach(c -> seconds.put(c, new ArrayList<>()));
        try (PostgresServer server = new EmbeddedProvider().start();
             Database database = server.createDatabase("fingerprint");
             Connection connection = database.connect()) {
            fill(connection, rows);
            out.printf(Locale.ROOT, "%,d rows, %d rounds, PostgreSQL %s (embedded), %d cores%n", rows, rounds,
                    server.version(), Runtime.getRuntime().availableProcessors());
            time(connection, COUNT); // warm the cache once, outside the measurement
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(CONTENDERS);
                Collections.rotate(order, round);
                for (String contender : order) seconds.get(contender).add(time(connection, contender));
            }
        }
        print(seconds, out);
        return seconds;
    }

    private static double time(Connection connection, String contender) throws SQLException {
        long start = System.nanoTime();
        switch (contender) {
            case COUNT -> query(connection, "select count(*) from things");
            case ROW_TEXT -> query(connection, "select sum(length(t::text)) from things t");
            default -> {
                DataSnapshot snapshot = new DataWatch().snapshot(connection, null);
                if (snapshot.tables().get("public.things") == null) throw new IllegalStateException("no fingerprint");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
        }
    }

    private static void fill(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE things (id bigint, email text, name text, qty integer, price numeric(12, 2),
                                         at timestamptz, active boolean, doc jsonb)""");
            statement.execute("""
                    INSERT INTO things
                    SELECT g, 'user' || g || '@example.org',
                           case when g % 20 = 1 then null else 'Name ' || (g * 7919 % 100000) end,
                           case when g % 20 = 2 then null else g % 1000 end,
                           case when g % 20 = 3 then null else (g % 100000) / 100.0 end,
                           case when g % 20 = 4 then null else timestamptz '2020-01-01' + g * interval '1 minute' end,
                           case when g % 20 = 5 then null else g % 2 = 0 end,
                           case when g % 20 = 6 then null else jsonb_build_object('k', g % 50, 'v', g) end
                      FROM generate_series(1::bigint, ROWS) g""".replace("ROWS", Integer.toString(rows)));
            statement.execute("ALTER TABLE things ADD PRIMARY KEY (id)");
            statement.execute("VACUUM ANALYZE things");
        }
    }

    private static void print(Map<String, List<Double>> seconds, PrintStream out) {
        double scan = median(seconds.get(COUNT));
        double rowText = median(seconds.get(ROW_TEXT));
        out.println("contender                    median s   [min–max]            × count(*)  × row text   paired × count(*)");
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            List<Double> s = e.getValue();
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) paired.add(s.get(i) / seconds.get(COUNT).get(i));
            out.printf(Locale.ROOT, "%-28s %8.3f   [%.3f–%.3f]   %8.2f×  %8.2f×   %.2f [%.2f–%.2f]%n", e.getKey(),
                    median(s), Collections.min(s), Collections.max(s), median(s) / scan, median(s) / rowText,
                    median(paired), Collections.min(paired), Collections.max(paired));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
