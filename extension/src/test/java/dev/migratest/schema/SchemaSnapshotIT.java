package dev.migratest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a snapshot sees and leaves alone, and correct downs that give no line. */
class SchemaSnapshotIT {

    /** Touches every kind of object the snapshot reads. */
    private static final String EVERY_KIND = "CREATE EXTENSION citext; CREATE SCHEMA app;"
            + "COMMENT ON SCHEMA app IS 'the app';"
            + "CREATE TYPE app.status AS ENUM ('draft', 'published');"
            + "CREATE DOMAIN app.positive AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);"
            + "CREATE TYPE app.pair AS (x integer, y text COLLATE \"C\");"
            + "CREATE TYPE app.float_range AS RANGE (subtype = float8);"
            + "CREATE TABLE app.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email citext NOT NULL,"
            + "  name text COLLATE \"C\" DEFAULT 'x', status app.status, doubled bigint GENERATED ALWAYS AS (id * 2) STORED,"
            + "  score app.positive);"
            + "COMMENT ON COLUMN app.users.email IS 'login';"
            + "CREATE TABLE app.orders (id serial PRIMARY KEY, user_id bigint, amount numeric(10,2) CHECK (amount > 0));"
            + "ALTER TABLE app.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES app.users (id) NOT VALID;"
            + "CREATE INDEX users_email_idx ON app.users (email);"
            + "CREATE VIEW app.recent AS SELECT id, email FROM app.users WHERE id > 10;"
            + "CREATE MATERIALIZED VIEW app.order_count AS SELECT count(*) AS n FROM app.orders;"
            + "CREATE FUNCTION app.add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;"
            + "CREATE PROCEDURE app.noop(x integer) LANGUAGE plpgsql AS $$ BEGIN PERFORM x; END $$;"
            + "CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');"
            + "CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
            + "CREATE TRIGGER users_touch BEFORE INSERT ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch();"
            + "ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;"
            + "CREATE POLICY own_rows ON app.users FOR SELECT USING (id > 0);"
            + "GRANT USAGE ON SCHEMA app TO PUBLIC; GRANT SELECT ON app.users TO PUBLIC;"
            + "GRANT SELECT (amount) ON app.orders TO PUBLIC;"
            + "CREATE TABLE app.events (id int, at date) PARTITION BY RANGE (at);"
            + "CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
            + "CREATE UNLOGGED TABLE app.scratch (a int);"
            + "CREATE RULE ignore_inserts AS ON INSERT TO app.scratch DO INSTEAD NOTHING;"
            + "CREATE STATISTICS app.orders_stats ON id, user_id FROM app.orders;"
            + "CREATE SEQUENCE app.counter INCREMENT 5 CYCLE;";

    private static TestPostgres postgres;
    private static Rehearsal rehearsal;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
        rehearsal = new Rehearsal(postgres);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aFreshDatabaseHoldsThePublicSchemaAndPlpgsql() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            SchemaSnapshot snapshot = SchemaSnapshot.take(connection);

            assertThat(snapshot.objects()).containsOnlyKeys("schema public", "extension plpgsql");
            assertThat(snapshot.objectCount()).isEqualTo(2);
        }
    }

    @Test
    void takingItTwiceGivesNoLine() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            assertThat(SchemaDiff.between(SchemaSnapshot.take(connection), SchemaSnapshot.take(connection),
                    ColumnOrder.STRICT)).isEmpty();

            Rehearsal.execute(connection, EVERY_KIND);
            SchemaSnapshot first = SchemaSnapshot.take(connection);
            SchemaSnapshot second = SchemaSnapshot.take(connection);

            assertThat(first.objectCount()).isGreaterThan(50);
            assertThat(SchemaDiff.between(first, second, ColumnOrder.STRICT)).isEmpty();
        }
    }

    @Test
    void theSameDdlInTwoDatabasesGivesEqualSnapshotsWhateverTheOidsAndDroppedColumns() throws SQLException {
        try (Connection plain = postgres.freshDatabase(); Connection churned = postgres.freshDatabase()) {
            Rehearsal.execute(plain, EVERY_KIND + "CREATE TABLE app.t (a int, c int)");
            // other OIDs, and a hole in attnum where a column was dropped
            Rehearsal.execute(churned, "CREATE TABLE junk (id int); CREATE INDEX ON junk (id); DROP TABLE junk;"
                    + "CREATE TYPE junk_type AS ENUM ('x'); DROP TYPE junk_type;");
            Rehearsal.execute(churned, EVERY_KIND + "CREATE TABLE app.t (a int, b int, c int);"
                    + "ALTER TABLE app.t DROP COLUMN b");

            assertThat(SchemaDiff.between(SchemaSnapshot.take(plain), SchemaSnapshot.take(churned),
                    ColumnOrder.STRICT)).isEmpty();
        }
    }

    @Test
    void objectsThatBelongToExtensionsAreLeftOut() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            Rehearsal.execute(connection, "CREATE EXTENSION citext; CREATE EXTENSION pg_trgm");

            assertThat(SchemaSnapshot.take(connection).objects())
                    .containsOnlyKeys("schema public", "extension plpgsql", "extension citext", "extension pg_trgm");
        }
    }

    @Test
    void namesAreSchemaQualifiedWhateverTheSearchPathAndTheSessionsSettingsAreRestored() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            Rehearsal.execute(connection, EVERY_KIND);
            SchemaSnapshot withDefaultPath = SchemaSnapshot.take(connection);
            Rehearsal.execute(connection, "SET search_path = app, public; SET random_page_cost = 3");

            SchemaSnapshot withAppPath = SchemaSnapshot.take(connection);

            assertThat(SchemaDiff.between(withDefaultPath, withAppPath, ColumnOrder.STRICT)).isEmpty();
            assertThat(withAppPath.objects().get("index app.users_email_idx").attribute("definition"))
                    .isEqualTo("CREATE INDEX users_email_idx ON app.users USING btree (email)");
            assertThat(setting(connection, "search_path")).isEqualTo("app, public");
            assertThat(setting(connection, "random_page_cost")).isEqualTo("3");
        }
    }

    @Test
    void insideTheCallersTransactionTheSettingsAreRestoredToo() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            connection.setAutoCommit(false);
            Rehearsal.execute(connection, "CREATE SCHEMA app; SET search_path = app");

            SchemaSnapshot snapshot = SchemaSnapshot.take(connection);

            assertThat(snapshot.objects()).containsKey("schema app");
            assertThat(setting(connection, "search_path")).isEqualTo("app");
            connection.commit();
            assertThat(setting(connection, "search_path")).isEqualTo("app");
        }
    }

    /** Speed is measured in the benchmarks module (SchemaSnapshotBenchmark), never asserted here. */
    @Test
    void fiftyTablesAreCapturedWithEveryChildObject() throws SQLException {
        StringBuilder tables = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            tables.append("CREATE TABLE t").append(i).append(" (id bigserial PRIMARY KEY, name text NOT NULL DEFAULT '',"
                    + " email varchar(200), created_at timestamptz DEFAULT now(), parent_id bigint REFERENCES t")
                    .append(i).append(" (id), amount numeric(12,2) CHECK (amount >= 0));")
                    .append("CREATE INDEX t").append(i).append("_email_idx ON t").append(i).append(" (email);");
        }
        try (Connection connection = postgres.freshDatabase()) {
            Rehearsal.execute(connection, tables.toString());

            SchemaSnapshot snapshot = SchemaSnapshot.take(connection);

            assertThat(snapshot.objects()).containsKeys("table public.t1", "table public.t50",
                    "column public.t50.amount", "index public.t50_email_idx", "sequence public.t50_id_seq");
            assertThat(SchemaDiff.between(snapshot, SchemaSnapshot.take(connection), ColumnOrder.STRICT)).isEmpty();
        }
    }

    static Stream<Arguments> correctDowns() {
        String users = "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL,"
                + " phone varchar(20), active boolean NOT NULL DEFAULT true);";
        return Stream.of(
                Arguments.of("table", "", "CREATE TABLE t (id serial PRIMARY KEY, note text)", "DROP TABLE t"),
                Arguments.of("column", users, "ALTER TABLE users ADD COLUMN nick text NOT NULL DEFAULT ''",
                        "ALTER TABLE users DROP COLUMN nick"),
                Arguments.of("serial column", users, "ALTER TABLE users ADD COLUMN n serial",
                        "ALTER TABLE users DROP COLUMN n"),
                Arguments.of("column type", users, "ALTER TABLE users ALTER COLUMN phone TYPE text",
                        "ALTER TABLE users ALTER COLUMN phone TYPE varchar(20)"),
                Arguments.of("not null and default", users,
                        "ALTER TABLE users ALTER COLUMN phone SET NOT NULL, ALTER COLUMN phone SET DEFAULT ''",
                        "ALTER TABLE users ALTER COLUMN phone DROP NOT NULL, ALTER COLUMN phone DROP DEFAULT"),
                Arguments.of("index", users, "CREATE UNIQUE INDEX users_email_key ON users (lower(email))",
                        "DROP INDEX users_email_key"),
                Arguments.of("constraint", users,
                        "ALTER TABLE users ADD CONSTRAINT email_at CHECK (email LIKE '%@%') NOT VALID;"
                                + "ALTER TABLE users VALIDATE CONSTRAINT email_at",
                        "ALTER TABLE users DROP CONSTRAINT email_at"),
                Arguments.of("view", users + "CREATE VIEW active_users AS SELECT id FROM users WHERE active",
                        "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE active",
                        "DROP VIEW active_users; CREATE VIEW active_users AS SELECT id FROM users WHERE active"),
                Arguments.of("function", "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$",
                        "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x + 1 $$",
                        "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$"),
                Arguments.of("trigger", users + "CREATE FUNCTION t() RETURNS trigger LANGUAGE plpgsql"
                                + " AS $$ BEGIN RETURN NEW; END $$",
                        "CREATE TRIGGER users_t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION t()",
                        "DROP TRIGGER users_t ON users"),
                Arguments.of("enum recreated", "CREATE TYPE status AS ENUM ('draft', 'published')",
                        "ALTER TYPE status ADD VALUE 'archived'",
                        "DROP TYPE status; CREATE TYPE status AS ENUM ('draft', 'published')"),
                Arguments.of("sequence", "CREATE SEQUENCE counter",
                        "ALTER SEQUENCE counter INCREMENT BY 10; SELECT nextval('counter')",
                        "ALTER SEQUENCE counter INCREMENT BY 1; SELECT nextval('counter')"),
                Arguments.of("grant and revoke", users + "CREATE SCHEMA audit",
                        "GRANT SELECT, UPDATE (phone) ON users TO PUBLIC; GRANT USAGE ON SCHEMA audit TO PUBLIC",
                        "REVOKE SELECT, UPDATE (phone) ON users FROM PUBLIC; REVOKE USAGE ON SCHEMA audit FROM PUBLIC"),
                Arguments.of("comment", users, "COMMENT ON COLUMN users.email IS 'login'",
                        "COMMENT ON COLUMN users.email IS NULL"),
                Arguments.of("row level security and policy", users,
                        "ALTER TABLE users ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON users USING (active)",
                        "DROP POLICY p ON users; ALTER TABLE users DISABLE ROW LEVEL SECURITY"),
                Arguments.of("extension", "", "CREATE EXTENSION citext", "DROP EXTENSION citext"),
                Arguments.of("domain", "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                        "ALTER DOMAIN positive SET NOT NULL", "ALTER DOMAIN positive DROP NOT NULL"),
                Arguments.of("partition", "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)",
                        "CREATE TABLE events_2024 PARTITION OF events"
                                + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                        "DROP TABLE events_2024"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctDowns")
    void aCorrectDownGivesNoLine(String aspect, String setup, String up, String down) throws SQLException {
        assertThat(rehearsal.downVsBefore(setup, up, down)).isEmpty();
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_catalog.current_setting('" + name + "')")) {
            row.next();
            return row.getString(1);
        }
    }
}
