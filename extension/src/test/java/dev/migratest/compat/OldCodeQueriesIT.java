package dev.migratest.compat;

import dev.migratest.postgres.Database;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Golden Rule on a real Postgres: the previous version's queries against each new schema. */
class OldCodeQueriesIT {
    private static final String V1 = """
            CREATE TABLE users (
                id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email     text NOT NULL,
                full_name text
            )""";
    /** Session-level prepared statements other than the driver's own transaction commands. */
    private static final String PREPARED_BY_CHECK = "SELECT string_agg(name || ': ' || statement, ' | ')"
            + " FROM pg_prepared_statements WHERE statement NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')";
    @ClassServer
    private static PostgresServer server;
    private static List<OldQuery> oldQueries;
    private Database database;
    private Connection connection;

    @BeforeAll
    static void load() throws Exception {
        oldQueries = OldQueries.load("classpath:compat/app-v1-users.sql");
    }

    @BeforeEach
    void createV1() throws SQLException {
        database = server.createDatabase("oldcode");
        connection = database.connect();
        sql(V1);
    }

    @AfterEach
    void drop() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void onTheSchemaTheyWereWrittenForAllOldQueriesPass() throws SQLException {
        sql("INSERT INTO users (email, full_name) VALUES ('zoe@example.org', 'Zoe')");

        assertThat(OldCodeCheck.run(connection, oldQueries)).isEmpty();
    }

    @Test
    void aOneStepRenameBreaksEveryOldQueryNamingTheOldColumn() throws SQLException {
        sql("ALTER TABLE users RENAME COLUMN full_name TO display_name");

        List<OldQueryFailure> failures = OldCodeCheck.run(connection, oldQueries);

        assertThat(failures).extracting(f -> f.query().name(), f -> f.query().line(), OldQueryFailure::sqlState)
                .containsExactly(tuple("select_user", 5, "42703"), tuple("insert_user", 9, "42703"),
                        tuple("rename_user", 13, "42703"));
        assertThat(failures.get(0).describe()).startsWith("select_user (app-v1-users.sql:5): ERROR 42703: column"
                + " \"full_name\" does not exist");
        assertThat(failures.get(1).describe()).startsWith("insert_user (app-v1-users.sql:9): ERROR 42703: column"
                + " \"full_name\" of relation \"users\" does not exist");
    }

    @Test
    void expandContractStepOneKeepsEveryOldQueryWorking() throws SQLException {
        sql("ALTER TABLE users ADD COLUMN display_name text");
        sql("""
                CREATE FUNCTION users_sync_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.display_name IS NULL THEN NEW.display_name := NEW.full_name;
                    ELSIF NEW.full_name IS NULL THEN NEW.full_name := NEW.display_name;
                    END IF;
                    RETURN NEW;
                END $$""");
        sql("CREATE TRIGGER users_sync_display_name BEFORE INSERT OR UPDATE ON users"
                + " FOR EACH ROW EXECUTE FUNCTION users_sync_display_name()");
        sql("INSERT INTO users (email, full_name) VALUES ('zoe@example.org', 'Zoe')");

        assertThat(OldCodeCheck.run(connection, oldQueries)).isEmpty();
    }

    @Test
    void aNotNullColumnWithoutDefaultBreaksTheOldInsertButNotTheSelect() throws SQLException {
        // Empty table: the ALTER itself succeeds, only the old code's next INSERT fails.
        sql("ALTER TABLE users ADD COLUMN display_name text NOT NULL");

        List<OldQueryFailure> failures = OldCodeCheck.run(connection, oldQueries);

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.query().name()).isEqualTo("insert_user");
            assertThat(f.sqlState()).isEqualTo("23502");
            assertThat(f.describe()).startsWith("insert_user (app-v1-users.sql:9): ERROR 23502: null value in column"
                    + " \"display_name\" of relation \"users\" violates not-null constraint");
        });
    }

    @Test
    void theCheckLeavesNoRowsBehindAndRestoresAutocommit() throws SQLException {
        sql("INSERT INTO users (email, full_name) VALUES ('zoe@example.org', 'Zoe')");
        long before = countUsers();
        String sequence = "SELECT last_value FROM pg_sequences WHERE sequencename = 'users_id_seq'";
        String lastId = scalar(sequence);
        assertThat(connection.getAutoCommit()).isTrue();

        assertThat(OldCodeCheck.run(connection, oldQueries)).isEmpty();

        assertThat(connection.getAutoCommit()).isTrue();
        assertThat(countUsers()).isEqualTo(before);
        assertThat(scalar("SELECT full_name FROM users")).isEqualTo("Zoe"); // the UPDATE was undone too
        assertThat(scalar(PREPARED_BY_CHECK)).isNull();
        assertThat(scalar("SHOW statement_timeout")).isEqualTo("0");
        assertThat(scalar(sequence)).as("the identity the old INSERT drew is given back").isEqualTo(lastId);
        try (Connection other = database.connect()) { // committed state, seen from another session
            assertThat(scalar(other, "SELECT count(*) FROM users")).isEqualTo(String.valueOf(before));
        }
    }

    @Test
    void aSequenceNeverUsedBeforeTheCheckStartsAtItsStartValueAfterIt() throws SQLException {
        assertThat(OldCodeCheck.run(connection, oldQueries)).isEmpty();

        sql("INSERT INTO users (email, full_name) VALUES ('first@example.org', 'First')");
        assertThat(scalar("SELECT id FROM users")).isEqualTo("1");
    }

    @Test
    void insideTheCallersTransactionOnlyTheChecksOwnEffectsAreUndone() throws SQLException {
        connection.setAutoCommit(false);
        sql("INSERT INTO users (email, full_name) VALUES ('caller@example.org', 'Caller')");

        assertThat(OldCodeCheck.run(connection, oldQueries)).isEmpty();

        assertThat(connection.getAutoCommit()).isFalse();
        assertThat(scalar("SELECT string_agg(email, ',') FROM users")).isEqualTo("caller@example.org");
        assertThat(scalar("SHOW statement_timeout")).isEqualTo("0");
        connection.rollback();
        connection.setAutoCommit(true);
    }

    @Test
    void oneFailureDoesNotStopTheOthersAndEachQuerySeesTheOriginalData() throws SQLException {
        List<OldQuery> queries = OldQueries.parse("inline.sql", """
                SELECT no_such_column FROM users;
                INSERT INTO users (email) VALUES ('x@example.org');
                -- name: still_one
                SELECT 1 / (count(*) - 0) FROM users; -- would divide by zero if the INSERT above had stayed
                """);

        List<OldQueryFailure> failures = OldCodeCheck.run(connection, queries);

        assertThat(failures).extracting(f -> f.query().name(), OldQueryFailure::sqlState)
                .containsExactly(tuple("line 1", "42703"), tuple("still_one", "22012"));
    }

    @Test
    void aQueryThatRunsTooLongFailsWithTheTimeoutInsteadOfHangingTheRehearsal() throws SQLException {
        List<OldQuery> queries = OldQueries.parse("slow.sql", "SELECT pg_sleep(5);\nSELECT 1;\n");

        long start = System.nanoTime();
        List<OldQueryFailure> failures = OldCodeCheck.run(connection, queries, Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(failures).extracting(f -> f.query().line(), OldQueryFailure::sqlState)
                .containsExactly(tuple(1, "57014"));
    }

    @Test
    void prepareOnlyCatchesARenameWithoutRunningTheQuery() throws SQLException {
        sql("ALTER TABLE users RENAME COLUMN full_name TO display_name");
        List<OldQuery> queries = OldQueries.parse("prep.sql", """
                -- prepare-only
                DELETE FROM users WHERE full_name = $1;
                -- prepare-only
                DELETE FROM users WHERE id = $1;
                """);

        assertThat(OldCodeCheck.run(connection, queries)).extracting(f -> f.query().line(), OldQueryFailure::sqlState)
                .containsExactly(tuple(2, "42703"));
    }

    @Test
    void theSameCheckRunAgainAfterEachMigrationSeesTheNewSchemaNotAStalePlan() throws SQLException {
        List<OldQuery> queries = OldQueries.parse("star.sql", "SELECT * FROM users;\n");
        for (int i = 0; i < 8; i++) {
            assertThat(OldCodeCheck.run(connection, queries)).isEmpty();
        }
        sql("ALTER TABLE users ADD COLUMN phone text");

        assertThat(OldCodeCheck.run(connection, queries)).isEmpty();
        assertThat(scalar(PREPARED_BY_CHECK)).isNull();
    }

    private void sql(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long countUsers() throws SQLException {
        return Long.parseLong(scalar("SELECT count(*) FROM users"));
    }

    private String scalar(String sql) throws SQLException {
        return scalar(connection, sql);
    }

    private static String scalar(Connection on, String sql) throws SQLException {
        try (Statement statement = on.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
