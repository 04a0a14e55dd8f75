package dev.migratest;

import dev.migratest.junit.MigrationExtension;
import dev.migratest.migration.Layout;
import dev.migratest.postgres.ProviderChoice;
import dev.migratest.schema.ColumnOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rehearses a folder of migrations on a real Postgres: each {@link MigrationCycleTest} method in the class runs once
 * per migration, up → down → up, in history order, on a fresh database of the class's own.
 *
 * <p>Every attribute can be overridden by the property named in its {@code *_PROPERTY} constant, looked up as a JUnit
 * configuration parameter: the launcher's parameters, then system properties, then {@code junit-platform.properties}.
 * The property wins over the annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationExtension.class)
public @interface MigrationTest {
    String LOCATION_PROPERTY = "migratest.location";
    String LAYOUT_PROPERTY = "migratest.layout";
    /** A regular expression with the named groups version, name and direction: overrides {@link #naming()}. */
    String NAMING_PROPERTY = "migratest.naming";
    /** Comma-separated {@code name=value} Flyway placeholder values, e.g. {@code schema=app,owner=app_owner}. */
    String PLACEHOLDERS_PROPERTY = "migratest.placeholders";
    String PROVIDER_PROPERTY = "migratest.provider";
    /** Comma-separated majors or images, e.g. {@code 14,17}: overrides {@link #postgres()}. */
    String POSTGRES_VERSION_PROPERTY = "migratest.postgres.version";
    /** {@code true} turns on the fast profile (fsync, synchronous_commit, full_page_writes off). */
    String FAST_PROPERTY = dev.migratest.postgres.FastProfile.PROPERTY;
    String POSTGRES_URL_PROPERTY = "migratest.postgres.url";
    String POSTGRES_USER_PROPERTY = "migratest.postgres.user";
    String POSTGRES_PASSWORD_PROPERTY = "migratest.postgres.password";
    /** {@code true} lets the external URL point at a database holding tables (migrations never run there). */
    String ALLOW_NON_EMPTY_DATABASE_PROPERTY = dev.migratest.postgres.ExternalProvider.ALLOW_NON_EMPTY_DATABASE_PROPERTY;
    String ALLOW_FORWARD_ONLY_PROPERTY = "migratest.allowForwardOnly";
    String COLUMN_ORDER_PROPERTY = "migratest.columnOrder";
    String KEEP_FAILED_DATABASE_PROPERTY = "migratest.keepFailedDatabase";
    String REPORT_DIR_PROPERTY = "migratest.reportDir";
    /**
     * A growth JSON written by the benchmarks' {@code GrowthReport --json}; the HTML report draws a growth plot for
     * every migration it has curves of. Default: {@code growth.json} in the report directory, when it exists.
     */
    String GROWTH_RESULTS_PROPERTY = "migratest.growthResults";
    String ROWS_PROPERTY = "migratest.rows";
    /** Comma-separated {@code table=rows} or {@code table=perParent/parent} entries, e.g. {@code orders=3/users,users=1000}. */
    String TABLE_ROWS_PROPERTY = "migratest.tableRows";
    String SEED_PROPERTY = "migratest.seed";
    String HOSTILE_EDGE_VALUES_PROPERTY = "migratest.hostileEdgeValues";
    String LOCK_QUEUE_CHECK_PROPERTY = "migratest.lockQueueCheck";
    String CHECK_DATA_PROPERTY = "migratest.checkData";
    /** Invariant queries separated by {@code ;;} (a query may contain a single semicolon in a string). */
    String INVARIANTS_PROPERTY = "migratest.invariants";
    String INVARIANTS_FILE_PROPERTY = "migratest.invariantsFile";
    String PREVIOUS_VERSION_QUERIES_PROPERTY = "migratest.previousVersionQueries";
    /** Comma-separated {@code rule=SEVERITY} entries, e.g. {@code foreign-key-without-index=ERROR,breaking-drop-or-rename=OFF}. */
    String FINDINGS_PROPERTY = "migratest.findings";
    String FAIL_ON_PROPERTY = "migratest.failOn";
    /** How long the blocking reader of the lock-queue check holds its lock, in ms (default 1000). */
    String LOCK_QUEUE_BLOCKER_HOLD_PROPERTY = "migratest.lockQueue.blockerHoldMs";
    /** Environment variables read when neither attribute nor system property gives the external server. */
    String POSTGRES_URL_ENV = "MIGRATEST_POSTGRES_URL";
    String POSTGRES_USER_ENV = "MIGRATEST_POSTGRES_USER";
    String POSTGRES_PASSWORD_ENV = "MIGRATEST_POSTGRES_PASSWORD";
    /** Used when neither {@link #location()} nor the property names one. */
    String DEFAULT_LOCATION = "classpath:db/migration";
    /**
     * Where reports go in a Maven project unless {@link #REPORT_DIR_PROPERTY} says otherwise. Under Gradle (or in a
     * project that has a Gradle build and no {@code pom.xml}) the default is {@code build/migratest} instead.
     */
    String DEFAULT_REPORT_DIR = "target/migratest";

    /**
     * Where the migrations are: {@code classpath:db/migration}, {@code filesystem:src/main/resources/db/migration},
     * or a plain path (file system first, then class path). Several, comma-separated, are one Flyway history (as
     * Flyway reads its {@code locations}). Empty means {@code spring.flyway.locations} of an
     * {@code application.properties} / {@code .yml} on the class path, else {@code flyway.locations} of a
     * {@code flyway.conf}, else {@value #DEFAULT_LOCATION}.
     */
    String location() default "";

    /** The folder's layout; AUTO detects it from file names and markers (PATTERN when {@link #naming()} is set). */
    Layout layout() default Layout.AUTO;

    /**
     * The project's own file naming, for {@link Layout#PATTERN}: a regular expression with the named groups
     * {@code version}, {@code name} and {@code direction} (its text {@code up} or {@code down}), matched against each
     * file's path relative to the location, e.g.
     * {@code "V(?<version>\d+)\.(?<name>[^.]+)\.(?<direction>up|down)\.sql"} for {@code V0001.Initial_Schema.up.sql}.
     * Files it does not match are skipped and listed.
     */
    String naming() default "";

    /**
     * Flyway placeholder values, {@code "schema=app"} each: {@code ${schema}} in a Flyway script becomes {@code app}.
     * They win over {@code flyway.placeholders.*} of a {@code flyway.conf} and {@code spring.flyway.placeholders.*} of
     * an {@code application.properties} or {@code .yml} on the class path, which are read too.
     */
    String[] placeholders() default {};

    /**
     * Which Postgres to use; AUTO: the external URL if one is configured, else a container when a Docker API
     * answers, else embedded.
     */
    ProviderChoice provider() default ProviderChoice.AUTO;

    /**
     * The PostgreSQL majors (e.g. {@code {"14", "17"}}) or container images to rehearse on; each migration gets one
     * test per entry. Empty: the provider's default (17).
     */
    String[] postgres() default {};

    /**
     * A JDBC URL of an existing server. migratest only creates and drops databases of its own there. Also read from
     * {@value #POSTGRES_URL_PROPERTY} and {@value #POSTGRES_URL_ENV}.
     */
    String postgresUrl() default "";

    /** Lets migrations without a down run UP only; they are reported SKIPPED with the reason instead of failing. */
    boolean allowForwardOnly() default false;

    /** STRICT compares column order; IGNORE accepts a down that re-adds a column at the end. */
    ColumnOrder columnOrder() default ColumnOrder.STRICT;

    /** Keeps the database of a failed migration (and an embedded server) alive after the run, URL printed. */
    boolean keepFailedDatabase() default false;

    /**
     * Rows of synthetic data per table (0: tables stay empty). Before each migration's UP, tables that are still
     * empty are filled up to this volume (new tables get data; tables holding rows are not reloaded).
     */
    long rows() default 0;

    /**
     * Per-table volumes: {@code "orders=50000"}, or rows per parent row, {@code "orders=3/users"}; a table not created
     * yet waits for its migration. Names are read as in SQL: {@code customers} is the first such table along the
     * database's search_path, {@code billing.invoices} exactly that one, a double-quoted name keeps its capitals
     * ({@code "\"AuditEvents\"=100"}). A name that no migration gives a table fails the last migration.
     */
    String[] tableRows() default {};

    /** The seed of the synthetic data: the same seed and schema give the same rows on every run. */
    long seed() default 1;

    /**
     * Also loads values the column accepts today but a later migration may choke on, e.g. {@code json} holding a
     * NUL escape or duplicate keys, which a json → jsonb change rejects or collapses.
     */
    boolean hostileEdgeValues() default false;

    /**
     * Rehearses the lock-queue outage for every passing migration whose UP takes ACCESS EXCLUSIVE on an existing
     * table: UP runs again while another session holds ACCESS SHARE on that table for a second and readers keep
     * querying it; the worst reader stall and whether UP failed fast on its {@code lock_timeout} are reported.
     */
    boolean lockQueueCheck() default false;

    /**
     * Fingerprints every table's data before UP, after UP, after DOWN and after the second UP: DOWN must give back
     * the rows and values UP received (a column dropped and re-added empty fails, naming it), the second UP must
     * leave the same row and NULL counts as the first. A migration that cannot give data back by design declares it
     * with {@code -- migratest:allow data-loss — reason}.
     */
    boolean checkData() default true;

    /**
     * Queries that must answer the same before UP and after UP, DOWN and the second UP, e.g.
     * {@code "select count(*) from orders where status = 'paid'"}. A query that cannot run before a migration's UP
     * (its table comes later) does not apply to that migration. Checked with the data ({@link #checkData()}).
     */
    String[] invariants() default {};

    /** A file of further invariant queries, one per statement: {@code classpath:db/invariants.sql} or a path. */
    String invariantsFile() default "";

    /**
     * A {@code .sql} file of the queries the previous application version runs ({@code classpath:db/app-v1.sql} or a
     * path): a query that works before a migration's UP must still work after it, run in a rolled-back transaction
     * (finding {@code old-code-query-fails}). {@code -- name: x} names a query, {@code -- params: 'a', 42} gives
     * values for {@code $1, $2}, {@code -- prepare-only} checks one without running it.
     */
    String previousVersionQueries() default "";

    /**
     * Severity per finding rule, overriding the defaults: {@code "foreign-key-without-index=ERROR"},
     * {@code "breaking-drop-or-rename=OFF"}. A migration silences a rule with a
     * {@code -- migratest:allow <rule-id> — reason} comment in its up or down file.
     */
    String[] findings() default {};

    /**
     * A migration's test fails when it has a finding of this severity or worse that no allow comment silenced;
     * {@code OFF}: findings are reported and asserted on, never failing by themselves.
     */
    dev.migratest.findings.Severity failOn() default dev.migratest.findings.Severity.ERROR;
}
