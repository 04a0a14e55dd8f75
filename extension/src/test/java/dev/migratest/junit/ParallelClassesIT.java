package dev.migratest.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Severity;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.report.HtmlReport;
import dev.migratest.report.MarkdownSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four {@code @MigrationTest} classes rehearsed at the same time by JUnit's parallel execution, on one server: each
 * gets a database of its own, a JSON report and a lock trace naming only its own tables, and the run's HTML report and
 * summary hold all four. Every class's history takes strong locks on loaded tables, in transactions and in autocommit
 * (where a second connection polls {@code pg_locks} by the migrating backend's pid), while the others do the same.
 *
 * <p>The server is started here and handed to the run as an external one: it must outlive the engine run, so that
 * what the run leaves behind (databases, connections) can be looked for afterwards. migratest's own embedded server
 * would be stopped, and its data directory deleted, with any leftover in it.
 */
class ParallelClassesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough rows that the rewrites, scans and index builds take measurable time, few enough to load in a blink. */
    static final int ROWS = 20_000;
    private static final List<Class<?>> CLASSES = List.of(Alpha.class, Bravo.class, Charlie.class, Delta.class);
    /** Migrations per class: all different, so that a class reported twice (or not at all) cannot add up right. */
    private static final Map<Class<?>, Integer> MIGRATIONS = Map.of(Alpha.class, 3, Bravo.class, 4, Charlie.class, 5,
            Delta.class, 6);
    private static final Pattern RUN = Pattern.compile("^migratest_([0-9a-f]+)_");

    @TempDir
    static Path dir;
    static PostgresServer server;
    static Path reportDir;
    static EngineExecutionResults results;
    static Set<String> threadsBefore;

    /** Per class prefix, the databases that held its table whenever one of its tests looked. */
    static final Map<String, Set<String>> HOME = new ConcurrentHashMap<>();
    /** Every migratest database that existed whenever a test looked. */
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    /** The four classes differ only in their history; each table name starts with the class's prefix. */
    abstract static class ParallelHistory {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) throws SQLException, InterruptedException {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
            look(prefix(getClass()));
        }
    }

    // failOn OFF: these histories take strong locks on purpose (a rewrite, plain index builds), which the findings
    // rightly call errors; here they are the load under which the traces must stay apart.
    @MigrationTest(location = "classpath:fixtures/parallel/alpha", rows = ROWS, failOn = Severity.OFF)
    static class Alpha extends ParallelHistory {
    }

    @MigrationTest(location = "classpath:fixtures/parallel/bravo", rows = ROWS, failOn = Severity.OFF)
    static class Bravo extends ParallelHistory {
    }

    @MigrationTest(location = "classpath:fixtures/parallel/charlie", rows = ROWS, failOn = Severity.OFF)
    static class Charlie extends ParallelHistory {
    }

    @MigrationTest(location = "classpath:fixtures/parallel/delta", rows = ROWS, failOn = Severity.OFF)
    static class Delta extends ParallelHistory {
    }

    @BeforeAll
    static void rehearseFourClassesAtOnce() throws Exception {
        HOME.clear(); // a rerun of this class in the same JVM starts from nothing
        SEEN.clear();
        server = new EmbeddedProvider().start();
        reportDir = dir.resolve("report");
        threadsBefore = migratestThreads();
        long start = System.nanoTime();
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(CLASSES.stream().map(DiscoverySelectors::selectClass)
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                // a class's migrations build on each other: they run in order, on the class's thread
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter(MigrationTest.PROVIDER_PROPERTY, "EXTERNAL")
                .configurationParameter(MigrationTest.POSTGRES_URL_PROPERTY,
                        server.address().jdbcUrl(server.address().defaultDatabase()))
                .configurationParameter(MigrationTest.POSTGRES_USER_PROPERTY, server.address().user())
                .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reportDir.toString())
                .execute();
        System.out.printf(Locale.ROOT, "[ParallelClassesIT] four classes rehearsed in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void everyMigrationOfEveryClassPassed() {
        results.containerEvents().assertStatistics(s -> s.failed(0).aborted(0));
        results.testEvents().assertStatistics(s -> s.started(18).succeeded(18).failed(0).aborted(0).skipped(0));

        Map<String, Long> passedPerClass = results.testEvents().succeeded().stream()
                .collect(Collectors.groupingBy(e -> classOf(e.getTestDescriptor()), TreeMap::new, Collectors.counting()));
        assertThat(passedPerClass).isEqualTo(expected(c -> (long) MIGRATIONS.get(c)));
    }

    /** A correctness claim about concurrency, not a timing one: there was a moment when all four were running. */
    @Test
    void theFourClassesRanAtTheSameTime() {
        Map<String, Instant> started = new TreeMap<>();
        Map<String, Instant> finished = new TreeMap<>();
        for (Event e : results.containerEvents().list()) {
            if (!e.getTestDescriptor().isContainer() || !isOneOfTheClasses(e.getTestDescriptor())) continue;
            if (e.getType() == EventType.STARTED) started.put(classOf(e.getTestDescriptor()), e.getTimestamp());
            if (e.getType() == EventType.FINISHED) finished.put(classOf(e.getTestDescriptor()), e.getTimestamp());
        }
        assertThat(started.keySet()).containsExactlyElementsOf(expected(c -> 0).keySet());
        assertThat(finished.keySet()).isEqualTo(started.keySet());
        Instant lastStart = started.values().stream().max(Instant::compareTo).orElseThrow();
        Instant firstEnd = finished.values().stream().min(Instant::compareTo).orElseThrow();

        assertThat(lastStart).as("the last class to start (%s) started before the first to finish ended; started %s,"
                + " finished %s", lastStart, started, finished).isBefore(firstEnd);
        System.out.println("[ParallelClassesIT] all four running for " + (firstEnd.toEpochMilli()
                - lastStart.toEpochMilli()) + " ms; started " + started + ", finished " + finished);
    }

    @Test
    void eachClassHadADatabaseOfItsOwnOnOneServer() throws IOException {
        Map<String, Set<String>> home = new TreeMap<>(HOME);
        assertThat(home).as("the databases holding each class's table, seen from each of its tests")
                .containsOnlyKeys("alpha", "bravo", "charlie", "delta")
                .allSatisfy((prefix, databases) -> assertThat(databases).hasSize(1));
        List<String> databases = home.values().stream().map(s -> s.iterator().next()).toList();
        assertThat(databases).as("one database per class: %s", home).doesNotHaveDuplicates();

        // one run: one template (README: "a template and one clone per test class"), every name with one run id
        Set<String> runs = SEEN.stream().map(RUN::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertThat(runs).as("run ids of the databases seen: %s", SEEN).hasSize(1);
        assertThat(SEEN).as("the template and the four class databases, nothing else").hasSize(5)
                .containsAll(databases);

        for (Class<?> c : CLASSES) {
            JsonNode postgres = report(c).get("postgres");
            assertThat(postgres.get("provider").asText()).as(c.getSimpleName()).isEqualTo("external");
            assertThat(postgres.get("version").asText()).as(c.getSimpleName()).isEqualTo(server.version());
        }
    }

    @Test
    void theRunLeftNoDatabaseConnectionOrThreadBehind() throws Exception {
        try (Connection c = connect(server.address().defaultDatabase())) {
            assertThat(strings(c, "select datname from pg_database where datname like 'migratest\\_%'"))
                    .as("scratch databases left on the server").isEmpty();
            // a backend outlives its closed connection by a moment: wait for the count, not for a sleep
            // the test's own server object keeps its admin session ("migratest run <its id>") until the class ends
            List<String> sessions = waitForNone(() -> strings(c, "select datname || ' ' || application_name"
                    + " from pg_stat_activity where application_name like 'migratest%'"
                    + " and application_name <> 'migratest run " + server.runId() + "'"));
            assertThat(sessions).as("migratest's sessions still open on the server").isEmpty();
        }
        List<String> threads = waitForNone(() -> {
            Set<String> now = migratestThreads();
            now.removeAll(threadsBefore);
            return List.copyOf(now);
        });
        assertThat(threads).as("migratest's threads still alive after the run").isEmpty();
    }

    @Test
    void eachClassReportNamesOnlyItsOwnTables() throws IOException {
        for (Class<?> c : CLASSES) {
            String own = prefix(c) + "_";
            JsonNode report = report(c);
            assertThat(report.get("migrations")).as(c.getSimpleName()).hasSize(MIGRATIONS.get(c));
            Map<String, List<String>> named = relationsNamedIn(report);

            assertThat(named).as("every relation %s's report names, by field", c.getSimpleName())
                    .allSatisfy((field, names) -> assertThat(names).as(field)
                            .allSatisfy(name -> assertThat(name).contains(own)));
            // and the claims are not empty: each kind of trace did see the class's own tables
            assertThat(named.get("locks[].relation")).contains("public." + own + "items");
            assertThat(named.get("rewrites")).contains("public." + own + "items");
            assertThat(named.get("fullScans")).contains("public." + own + "items");
            assertThat(named.get("blocked.readsBlockedOn")).contains("public." + own + "items");
            assertThat(named.get("blocked.writesBlockedOn")).contains("public." + own + "items");
            assertThat(named.get("observed locks[].relation")).as("what the observer connection polled")
                    .contains("public." + own + "items");
            assertThat(named.get("rows")).as("the tables of its database before each migration")
                    .contains("public." + own + "items");

            // nothing anywhere in the file (messages, findings, diffs) mentions another class's tables
            String text = Files.readString(jsonFile(c));
            for (Class<?> other : CLASSES) {
                if (other != c) assertThat(text).as(c.getSimpleName()).doesNotContain(prefix(other) + "_");
            }
        }
    }

    @Test
    void theRunsHtmlReportHoldsEveryMigrationOfAllFourClasses() throws IOException {
        Document page = Jsoup.parse(reportDir.resolve(HtmlReport.FILE).toFile(), "UTF-8");

        List<Element> rows = page.select("#overview tbody tr");
        assertThat(rows).hasSize(MIGRATIONS.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Long> rowsPerClass = rows.stream().collect(Collectors.groupingBy(r -> r.child(3).text(),
                TreeMap::new, Collectors.counting()));
        assertThat(rowsPerClass).isEqualTo(expected(c -> (long) MIGRATIONS.get(c)));
        for (Element row : rows) {
            String lock = row.select("td.lock span.small").text();
            String prefix = row.child(3).text().substring(row.child(3).text().indexOf('$') + 1).toLowerCase(Locale.ROOT);
            assertThat(lock).as("the strongest lock of %s (%s)", row.child(2).text(), row.child(3).text())
                    .satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l).contains(prefix + "_"));
        }
        assertThat(page.select("main h2[id^=class-]").eachText())
                .containsExactlyInAnyOrderElementsOf(expected(c -> 0).keySet());
        assertThat(page.select("header .meta").first().text()).endsWith("4 classes");
    }

    @Test
    void theSummaryCountsEveryMigrationOfAllFourClasses() throws IOException {
        String md = Files.readString(reportDir.resolve(MarkdownSummary.FILE));

        assertThat(md).startsWith("### migratest: 18 migrations rehearsed: 18 passed, 0 failed, 0 skipped, ");
        for (Class<?> c : CLASSES) assertThat(md).contains(shortName(c) + " on PostgreSQL " + server.version());
    }

    /**
     * Called from each test of each class, while the run goes on: which databases exist, and which of the databases
     * migratest is tracing right now holds this class's table. Only traced databases are asked: the template has no
     * observer, and connecting to it would fail a class that is creating its database from it at that moment.
     */
    static void look(String prefix) throws SQLException, InterruptedException {
        try (Connection postgres = connect(server.address().defaultDatabase())) {
            SEEN.addAll(strings(postgres, "select datname from pg_database where datname like 'migratest\\_%'"));
            for (String database : strings(postgres, "select distinct datname from pg_stat_activity"
                    + " where application_name = 'migratest observer'")) {
                if (holds(postgres, database, "public." + prefix + "_items")) {
                    HOME.computeIfAbsent(prefix, p -> ConcurrentHashMap.newKeySet()).add(database);
                }
            }
        }
    }

    private static boolean holds(Connection postgres, String database, String table)
            throws SQLException, InterruptedException {
        try (Connection c = connect(database); PreparedStatement st = c.prepareStatement("select to_regclass(?)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getString(1) != null;
            }
        } catch (SQLException e) {
            // A class that finished drops its database WITH (FORCE), which ends this session before the database is
            // gone: a database that then disappears was not this class's; one that stays is a real failure.
            if (!waitForNone(() -> strings(postgres, "select datname from pg_database where datname = ?",
                    database)).isEmpty()) throw e;
            return false;
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.address().user());
        props.setProperty("ApplicationName", "ParallelClassesIT");
        return DriverManager.getConnection(server.address().jdbcUrl(database), props);
    }

    private static List<String> strings(Connection c, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) st.setString(i + 1, parameters[i]);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) values.add(rs.getString(1));
            }
        }
        return values;
    }

    @FunctionalInterface
    interface Lookup {
        List<String> get() throws SQLException;
    }

    /** What {@code lookup} still finds after up to 10 s of asking again: empty, unless something really stayed. */
    private static List<String> waitForNone(Lookup lookup) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> found = lookup.get();
        while (!found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = lookup.get();
        }
        return found;
    }

    private static Set<String> migratestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("migratest-")).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    /**
     * The relation names of a JSON report, by where they appear: the lock trace's fields, and the tables whose rows
     * were counted before each migration (every table of the class's database then).
     */
    private static Map<String, List<String>> relationsNamedIn(JsonNode report) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (String field : List.of("locks[].relation", "locks[].table", "observed locks[].relation", "rewrites",
                "fullScans", "blocked.readsBlockedOn", "blocked.writesBlockedOn", "rowsChanged", "rows")) {
            named.put(field, new ArrayList<>());
        }
        for (JsonNode migration : report.get("migrations")) {
            names(migration.get("rows")).forEach(named.get("rows")::add);
            for (JsonNode phase : migration.get("phases")) {
                for (JsonNode st : phase.get("statements")) {
                    for (JsonNode lock : st.get("locks")) {
                        named.get("locks[].relation").add(lock.get("relation").asText());
                        if (!lock.get("table").isNull()) named.get("locks[].table").add(lock.get("table").asText());
                        if (lock.get("observed").asBoolean()) {
                            named.get("observed locks[].relation").add(lock.get("relation").asText());
                        }
                    }
                    st.get("rewrites").forEach(n -> named.get("rewrites").add(n.asText()));
                    st.get("fullScans").forEach(n -> named.get("fullScans").add(n.asText()));
                    JsonNode blocked = st.get("blocked");
                    if (!blocked.isNull()) {
                        blocked.get("readsBlockedOn").forEach(n -> named.get("blocked.readsBlockedOn").add(n.asText()));
                        blocked.get("writesBlockedOn").forEach(n -> named.get("blocked.writesBlockedOn").add(n.asText()));
                    }
                    names(st.get("rowsChanged")).forEach(named.get("rowsChanged")::add);
                }
            }
        }
        return named;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    private static JsonNode report(Class<?> c) throws IOException {
        return JSON.readTree(jsonFile(c).toFile());
    }

    private static Path jsonFile(Class<?> c) {
        return reportDir.resolve(c.getName() + ".json");
    }

    private static String prefix(Class<?> c) {
        return c.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** As the reports name a class: {@code ParallelClassesIT$Alpha}. */
    private static String shortName(Class<?> c) {
        return c.getName().substring(c.getName().lastIndexOf('.') + 1);
    }

    private static <V> Map<String, V> expected(Function<Class<?>, V> value) {
        Map<String, V> map = new TreeMap<>();
        CLASSES.forEach(c -> map.put(shortName(c), value.apply(c)));
        return map;
    }

    private static boolean isOneOfTheClasses(TestDescriptor descriptor) {
        return CLASSES.stream().anyMatch(c -> descriptor.getUniqueId().getLastSegment().getValue().equals(c.getName()));
    }

    /** The short name of the test class a descriptor belongs to, from its unique id's class segment. */
    private static String classOf(TestDescriptor descriptor) {
        return descriptor.getUniqueId().getSegments().stream().filter(s -> s.getType().equals("class"))
                .map(UniqueId.Segment::getValue).map(n -> n.substring(n.lastIndexOf('.') + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no class segment in " + descriptor.getUniqueId()));
    }
}
