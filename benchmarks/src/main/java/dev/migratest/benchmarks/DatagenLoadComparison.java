package dev.migratest.benchmarks;

import dev.migratest.datagen.DataLoader;
import dev.migratest.datagen.LoadPlan;
import dev.migratest.datagen.LoadPlanner;
import dev.migratest.datagen.LoadReport;
import dev.migratest.datagen.SchemaIntrospector;
import dev.migratest.datagen.SchemaModel;
import dev.migratest.datagen.TableName;
import dev.migratest.datagen.Volume;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * datagen's load speed against two baselines, side by side on one embedded server, rounds interleaved so that machine
 * noise hits all three alike. The measured table is {@code orders} (7 columns: identity PK, FK to a 10 000-row
 * {@code customers}, UNIQUE {@code order_no}, an index on {@code created_at}); each contender gets a fresh database:
 * <ul>
 *   <li>{@code datagen}: {@link DataLoader} (seed 42, defaults) writing {@code orders}, {@code customers} loaded
 *   before the clock starts; the time covers building the generators (a few catalog round trips) and the load;</li>
 *   <li>{@code copy-file}: {@code COPY orders (…) FROM STDIN} through pgjdbc's CopyManager from a file holding the
 *   very same rows, rendered once before the rounds (datagen's output read back with {@code COPY … TO}), into the
 *   same schema with its constraints and indexes in place, as an application would load it;</li>
 *   <li>{@code copy-file-bare}: the same file, with the table's keys, foreign key and index dropped by hand first
 *   and recreated after (the timing covers all of it): the same trick datagen uses for big tables;</li>
 *   <li>{@code pgbench-i}: {@code pgbench -i -s <rows/100000> -q} in a fresh database (client-side generation,
 *   vacuum, primary keys), timed by its own "done in" total.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks/target/migratest-benchmarks.jar dev.migratest.benchmarks.DatagenLoadComparison [rows] [rounds]}
 * (defaults 1 000 000 and 3). Needs {@code pgbench} on the PATH.
 */
public final class DatagenLoadComparison {

    private static final int CUSTOMERS = 10_000;
    private static final long SEED = 42;
    private static final String ORDER_COLUMNS = "customer_id, order_no, status, amount, created_at, note";
    private static final String SCHEMA = """
            CREATE TABLE customers (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              email varchar(120) NOT NULL UNIQUE,
              name text
            );
            CREATE TABLE orders (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              customer_id bigint NOT NULL REFERENCES customers (id),
              order_no varchar(24) NOT NULL UNIQUE,
              status text NOT NULL,
              amount numeric(10,2) NOT NULL,
              created_at timestamptz NOT NULL,
              note text
            );
            CREATE INDEX ON orders (created_at);
            """;
    private static final Pattern DONE_IN = Pattern.compile("done in ([0-9.]+) s");

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int scale = (int) Math.max(1, rows / 100_000);
        Path dir = Files.createTempDirectory("migratest-datagen-bench-");
        Path customersFile = dir.resolve("customers.copy");
        Path ordersFile = dir.resolve("orders.copy");
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        try (PostgresServer server = new EmbeddedProvider().start()) {
            System.out.printf(Locale.ROOT, "%d orders rows, %d rounds, PostgreSQL %s (%s), %d cores%n", rows, rounds,
                    server.version(), server.providerName(), Runtime.getRuntime().availableProcessors());
            try (Database db = server.createDatabase("render"); Connection c = db.connect()) {
                schema(c);
                datagen(c, db, rows, Set.of("customers"));
                datagen(c, db, rows, Set.of("orders"));
                copyOut(c, "COPY (SELECT email, name FROM customers ORDER BY id) TO STDOUT", customersFile);
                copyOut(c, "COPY (SELECT " + ORDER_COLUMNS + " FROM orders ORDER BY id) TO STDOUT", ordersFile);
            }
            System.out.printf(Locale.ROOT, "rendered %s (%d MB)%n", ordersFile.getFileName(), Files.size(ordersFile) >> 20);
            for (int round = 1; round <= rounds; round++) {
                try (Database db = server.createDatabase("datagen"); Connection c = db.connect()) {
                    schema(c);
                    datagen(c, db, rows, Set.of("customers"));
                    long start = System.nanoTime();
                    LoadReport report = datagen(c, db, rows, Set.of("orders"));
                    record(seconds, "datagen", (System.nanoTime() - start) / 1e9);
                    System.out.printf(Locale.ROOT, "datagen steps: COPY %.2f s of %.2f s%n",
                            report.tables().get(0).seconds(), report.seconds());
                    check(c, rows);
                }
                try (Database db = server.createDatabase("copy"); Connection c = db.connect()) {
                    schema(c);
                    copyIn(c, "COPY customers (email, name) FROM STDIN", customersFile);
                    long start = System.nanoTime();
                    copyIn(c, "COPY orders (" + ORDER_COLUMNS + ") FROM STDIN", ordersFile);
                    record(seconds, "copy-file", (System.nanoTime() - start) / 1e9);
                    check(c, rows);
                }
                try (Database db = server.createDatabase("copybare"); Connection c = db.connect();
                     Statement st = c.createStatement()) {
                    schema(c);
                    copyIn(c, "COPY customers (email, name) FROM STDIN", customersFile);
                    long start = System.nanoTime();
                    st.execute("ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey, DROP CONSTRAINT orders_pkey,"
                            + " DROP CONSTRAINT orders_order_no_key");
                    st.execute("DROP INDEX orders_created_at_idx");
                    StringBuilder steps = new StringBuilder("copy-file-bare steps:");
                    long t = System.nanoTime();
                    copyIn(c, "COPY orders (" + ORDER_COLUMNS + ") FROM STDIN", ordersFile);
                    t = step(steps, "COPY", t);
                    st.execute("CREATE INDEX orders_created_at_idx ON orders (created_at)");
                    t = step(steps, "index created_at", t);
                    st.execute("ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id)");
                    t = step(steps, "PK", t);
                    st.execute("ALTER TABLE orders ADD CONSTRAINT orders_order_no_key UNIQUE (order_no)");
                    t = step(steps, "UNIQUE order_no", t);
                    st.execute("ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id)"
                            + " REFERENCES customers (id)");
                    step(steps, "FK", t);
                    System.out.println(steps);
                    record(seconds, "copy-file-bare", (System.nanoTime() - start) / 1e9);
                    check(c, rows);
                }
                try (Database db = server.createDatabase("pgbench")) {
                    record(seconds, "pgbench-i", pgbench(server, db, scale));
                }
                System.out.println("round " + round + ": " + seconds);
            }
        } finally {
            Files.deleteIfExists(customersFile);
            Files.deleteIfExists(ordersFile);
            Files.deleteIfExists(dir);
        }
        print(seconds, rows, scale * 100_000L);
    }

    private static void schema(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(SCHEMA);
        }
    }

    private static LoadReport datagen(Connection c, Database db, long rows, Set<String> tables) throws SQLException {
        SchemaModel model = SchemaIntrospector.read(c);
        LoadPlan plan = LoadPlanner.plan(model, Volume.defaultRows(rows).rows("customers", CUSTOMERS));
        return DataLoader.seed(SEED).only(tables.stream().map(t -> new TableName("public", t))
                .collect(java.util.stream.Collectors.toSet())).load(db::connect, model, plan);
    }

    private static void check(Connection c, long rows) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            if (rs.getLong(1) != rows) {
                throw new IllegalStateException("expected " + rows + " orders, found " + rs.getLong(1));
            }
        }
    }

    private static void copyOut(Connection c, String sql, Path file) throws Exception {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, w);
        }
    }

    private static void copyIn(Connection c, String sql, Path file) throws Exception {
        try (Reader r = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, r, 1 << 16);
        }
    }

    /** pgbench's own total ("done in … s"): drop, generate, vacuum, primary keys; not process start and connect. */
    private static double pgbench(PostgresServer server, Database db, int scale) throws Exception {
        String url = server.address().jdbcUrl(db.name()).replace("jdbc:", "")
                .replace("postgresql://", "postgresql://" + server.address().user() + "@");
        Process p = new ProcessBuilder("pgbench", "-i", "-s", String.valueOf(scale), "-q", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + out);
        }
        Matcher m = DONE_IN.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no 'done in' in pgbench's output: " + out);
        }
        System.out.println("pgbench: " + out.lines().filter(l -> l.contains("done in")).findFirst().orElse("").trim());
        return Double.parseDouble(m.group(1));
    }

    private static long step(StringBuilder steps, String what, long since) {
        long now = System.nanoTime();
        steps.append(String.format(Locale.ROOT, " %s %.2f s", what, (now - since) / 1e9));
        return now;
    }

    private static void record(Map<String, List<Double>> seconds, String what, double value) {
        seconds.computeIfAbsent(what, k -> new ArrayList<>()).add(Math.round(value * 1000) / 1000.0);
    }

    private static void print(Map<String, List<Double>> seconds, long rows, long pgbenchRows) {
        Map<String, Double> rate = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            List<Double> sorted = new ArrayList<>(e.getValue());
            sorted.sort(null);
            long n = e.getKey().equals("pgbench-i") ? pgbenchRows : rows;
            double median = median(sorted);
            rate.put(e.getKey(), n / median);
            System.out.printf(Locale.ROOT, "%-10s %9d rows  median %6.2f s  min %6.2f  max %6.2f  %,10.0f rows/s%n",
                    e.getKey(), n, median, sorted.get(0), sorted.get(sorted.size() - 1), n / median);
        }
        System.out.printf(Locale.ROOT, "datagen / copy-file rows/s: %.2f× (target ≥ 0.9×)%n",
                rate.get("datagen") / rate.get("copy-file"));
        System.out.printf(Locale.ROOT, "datagen / copy-file-bare rows/s: %.2f×%n",
                rate.get("datagen") / rate.get("copy-file-bare"));
        System.out.printf(Locale.ROOT, "datagen / pgbench-i rows/s: %.2f× (target ≥ 0.5×)%n",
                rate.get("datagen") / rate.get("pgbench-i"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
