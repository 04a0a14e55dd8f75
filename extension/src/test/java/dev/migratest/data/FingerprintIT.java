package dev.migratest.data;

import dev.migratest.datagen.TopUp;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.Database;
import dev.migratest.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fingerprints over every type datagen fills, edge values included (NULL, '', max length, NaN, ±infinity timestamps and
 * dates, empty arrays, nested jsonb): computed without error, stable when nothing changed, and changed by a change
 * that type-specific hashing could hide (numeric scale 12.50 → 12.5).
 */
class FingerprintIT {
    private static final String TABLE = """
            CREATE TABLE things (
                id bigint PRIMARY KEY, small smallint, n integer, flag boolean, price numeric, amount numeric(10, 2),
                ratio double precision, at timestamptz, local_at timestamp, day date, token uuid, name text,
                code varchar(12), doc jsonb, raw json, tags text[], span interval, blob bytea)
            """;
    @ClassServer
    private static PostgresServer server;

    @Test
    void everyTypeWithItsEdgeValuesIsFingerprintedAndAnUntouchedTableKeepsItsFingerprint() throws Exception {
        try (Database database = server.createDatabase("fingerprint"); Connection connection = database.connect()) {
            execute(connection, TABLE);
            new TopUp(3000, Map.of(), Map.of(), 5, false).run(database::connect);

            DataSnapshot first = new DataWatch().snapshot(connection, null);
            DataSnapshot again = new DataWatch().snapshot(connection, null);

            TableFingerprint things = first.tables().get("public.things");
            assertThat(things.rows()).isEqualTo(3000);
            assertThat(things.columns()).hasSize(18);
            assertThat(again).isEqualTo(first);
            assertThat(DataDiff.between(first, again, "now", true)).isEmpty();
        }
    }

    @Test
    void aScaleChangeOfAnUnconstrainedNumericAndATrailingZeroAreSeen() throws Exception {
        try (Database database = server.createDatabase("fingerprint"); Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE prices (id int PRIMARY KEY, price numeric, code text)");
            execute(connection, "INSERT INTO prices VALUES (1, 12.50, 'Alice'), (2, 3, 'bob')");
            DataWatch watch = new DataWatch();
            DataSnapshot before = watch.snapshot(connection, null);

            execute(connection, "UPDATE prices SET price = 12.5 WHERE id = 1");
            DataSnapshot after = watch.snapshot(connection, Set.of("public.prices"));

            assertThat(DataDiff.between(before, after, "after DOWN", true)).containsExactly(
                    "public.prices.price — values changed after DOWN (same rows, same NULLs, different values: a lossy"
                            + " round trip)");
        }
    }

    @Test
    void aTableNobodyWroteIsNotComputedAgain() throws Exception {
        try (Database database = server.createDatabase("fingerprint"); Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1)");
            DataWatch watch = new DataWatch();
            DataSnapshot before = watch.snapshot(connection, null);
            execute(connection, "INSERT INTO a VALUES (2)");

            // the trace said nobody wrote a: the stored fingerprint stands (the proof that the trace is what decides)
            assertThat(watch.snapshot(connection, Set.of()).tables().get("public.a").rows()).isEqualTo(1);
            assertThat(watch.snapshot(connection, Set.of("public.a")).tables().get("public.a").rows()).isEqualTo(2);
            assertThat(before.tables().get("public.a").rows()).isEqualTo(1);
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
