package dev.migratest.schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Incremental snapshots must never miss a change. In VERIFY mode every incremental snapshot is checked against a
 * full read and a disagreement throws, so walking DDL that reaches across objects (renames seen through foreign
 * keys, views, indexes and defaults; partitions detached; GRANT; CASCADE drops …) proves the re-read scope.
 */
class SchemaTrackerIT {
    private static TestPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static final List<String> STEPS = List.of(
            "CREATE TABLE parent (id serial PRIMARY KEY, code text UNIQUE, born date DEFAULT current_date CHECK (born > '1900-01-01'))",
            "COMMENT ON COLUMN parent.code IS 'business key'",
            "CREATE TABLE child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id int REFERENCES parent (id), note varchar(20))",
            "CREATE INDEX child_note_idx ON child (note)",
            "COMMENT ON INDEX child_note_idx IS 'for search'",
            "CREATE VIEW child_notes AS SELECT c.note, p.code FROM child c JOIN parent p ON p.id = c.parent_id",
            "ALTER TABLE parent RENAME TO guardian",
            "ALTER TABLE child RENAME COLUMN note TO remark",
            "ALTER TABLE child ADD COLUMN qty smallint; CREATE INDEX child_qty_idx ON child (qty)",
            "ALTER TABLE child ALTER COLUMN qty TYPE int",
            "CREATE TYPE mood AS ENUM ('ok', 'meh')",
            "ALTER TABLE child ADD COLUMN mood mood",
            "ALTER TYPE mood ADD VALUE 'great'",
            "ALTER TYPE mood RENAME TO feeling",
            "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
            "ALTER TABLE child ADD COLUMN score positive",
            "ALTER DOMAIN positive ADD CONSTRAINT below_100 CHECK (VALUE < 100) NOT VALID",
            "ALTER DOMAIN positive RENAME TO pos",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER child_touch BEFORE UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch()",
            "ALTER FUNCTION touch() RENAME TO touch_row",
            "ALTER TABLE child DISABLE TRIGGER child_touch",
            "CREATE SCHEMA app",
            "CREATE TABLE app.settings (k text PRIMARY KEY, v text)",
            "ALTER TABLE guardian SET SCHEMA app",
            "ALTER SCHEMA app RENAME TO application",
            "CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at)",
            "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
            "ALTER TABLE events DETACH PARTITION events_2026",
            "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')",
            "CREATE TABLE base (id int)",
            "CREATE TABLE derived (extra int) INHERITS (base)",
            "ALTER TABLE derived NO INHERIT base",
            "CREATE ROLE tracker_reader",
            "GRANT SELECT ON child TO tracker_reader",
            "REVOKE SELECT ON child FROM tracker_reader",
            "ALTER TABLE child ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY own_rows ON child USING (parent_id IS NOT NULL)",
            "CREATE MATERIALIZED VIEW remarks AS SELECT remark FROM child WITH NO DATA",
            "REFRESH MATERIALIZED VIEW remarks",
            "CREATE EXTENSION citext",
            "ALTER TABLE child ADD COLUMN email citext",
            "CREATE TYPE pair AS (a int, b text)",
            "ALTER TYPE pair ADD ATTRIBUTE c date",
            "ALTER SEQUENCE application.parent_id_seq OWNED BY NONE",
            "DO $$ BEGIN EXECUTE 'CREATE TABLE made_in_do (id int)'; END $$",
            "CREATE RULE no_delete AS ON DELETE TO made_in_do DO INSTEAD NOTHING",
            "CREATE STATISTICS child_stats ON parent_id, score FROM child",
            "CREATE FUNCTION count_children() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM child; END",
            "ALTER TABLE child RENAME TO kid",
            "ALTER TABLE kid CLUSTER ON child_note_idx",
            "ALTER TABLE kid DROP COLUMN score",
            "ALTER TABLE kid DROP CONSTRAINT child_parent_id_fkey",
            "SET session_replication_role = replica; CREATE TABLE while_replica (id int); RESET session_replication_role",
            "DROP TABLE application.guardian CASCADE",
            "DROP EXTENSION citext CASCADE",
            "DROP SCHEMA application CASCADE");

    @Test
    void everyIncrementalSnapshotAgreesWithAFullRead() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            SchemaTracker tracker = SchemaTracker.start(connection, SnapshotMode.VERIFY);
            assertThat(tracker.mode()).isEqualTo(SnapshotMode.VERIFY);
            tracker.snapshot(connection);
            for (String step : STEPS) {
                execute(connection, step);
                assertThatCode(() -> tracker.snapshot(connection)).as(step).doesNotThrowAnyException();
            }
            assertThat(tracker.snapshot(connection).objects()).containsKeys("table public.kid", "table public.events_2026")
                    .doesNotContainKeys("table application.settings", "column public.kid.email");
        }
    }

    @Test
    void aSnapshotWithNothingTouchedIsTheSameObject() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            SchemaTracker tracker = SchemaTracker.start(connection, SnapshotMode.INCREMENTAL);
            execute(connection, "CREATE TABLE t (id int)");
            SchemaSnapshot first = tracker.snapshot(connection);
            execute(connection, "INSERT INTO t VALUES (1)");

            assertThat(tracker.snapshot(connection)).isSameAs(first);
        }
    }

    @Test
    void theTrackersOwnObjectsStayOutOfSnapshots() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            SchemaSnapshot before = SchemaSnapshot.take(connection);
            SchemaTracker.start(connection, SnapshotMode.INCREMENTAL);

            assertThat(SchemaDiff.between(before, SchemaSnapshot.take(connection), ColumnOrder.STRICT)).isEmpty();
        }
    }

    @Test
    void withoutTheRightToCreateEventTriggersEverySnapshotIsAFullRead() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            execute(connection, "DROP ROLE IF EXISTS plain_user; CREATE ROLE plain_user;"
                    + " GRANT CREATE ON SCHEMA public TO plain_user; SET ROLE plain_user");

            SchemaTracker tracker = SchemaTracker.start(connection, SnapshotMode.INCREMENTAL);
            execute(connection, "CREATE TABLE mine (id int)");

            assertThat(tracker.mode()).isEqualTo(SnapshotMode.FULL);
            assertThat(tracker.snapshot(connection).objects()).containsKey("table public.mine");
            execute(connection, "RESET ROLE");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
