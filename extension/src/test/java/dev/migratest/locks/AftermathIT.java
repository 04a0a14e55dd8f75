package dev.migratest.locks;

import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a phase leaves in the catalog that no lock shows: unindexed foreign keys, indexes left INVALID. */
class AftermathIT {
    private static final String PARENT_AND_CHILD = "CREATE TABLE users (id bigint PRIMARY KEY);\n"
            + "INSERT INTO users SELECT generate_series(1, 100);\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, code int);\n"
            + "INSERT INTO orders SELECT g, 1 + g % 100, g % 10 FROM generate_series(1, 1000) g;\n";
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void aForeignKeyWithoutAnIndexOnItsColumnsIsListedOnlyForThePhaseThatAddedIt() throws Exception {
        CycleResult result = new TracedHistory(server, dir).rehearse(PARENT_AND_CHILD,
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;\n",
                "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;\n");

        assertThat(phase(result, Phase.UP).aftermath().unindexedForeignKeys())
                .containsExactly("orders_user_fk on public.orders (user_id)");
        assertThat(phase(result, Phase.DOWN).aftermath().unindexedForeignKeys()).isEmpty();
        assertThat(phase(result, Phase.UP).aftermath().invalidIndexes()).isEmpty();
    }

    @Test
    void anIndexLeadingWithTheForeignKeyColumnsSupportsIt() throws Exception {
        CycleResult result = new TracedHistory(server, dir).rehearse(
                PARENT_AND_CHILD + "CREATE INDEX orders_user_code_idx ON orders (user_id, code);\n",
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;\n",
                "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;\n");

        assertThat(phase(result, Phase.UP).aftermath().unindexedForeignKeys()).isEmpty();
    }

    @Test
    void aFailedConcurrentBuildLeavesAnInvalidIndexThatIsNamed() throws Exception {
        CycleResult result = new TracedHistory(server, dir).rehearse(PARENT_AND_CHILD,
                "CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON orders (code);\n",
                "DROP INDEX CONCURRENTLY orders_code_key;\n");

        PhaseResult up = phase(result, Phase.UP);
        assertThat(up.succeeded()).isFalse();
        assertThat(up.error().sqlState()).isEqualTo("23505");
        assertThat(up.aftermath().invalidIndexes()).containsExactly("public.orders_code_key");
    }

    @Test
    void aConstraintLeftNotValidIsListedAfterUpAndGoneOnceValidated() throws Exception {
        CycleResult result = new TracedHistory(server, dir).rehearse(PARENT_AND_CHILD,
                "ALTER TABLE orders ADD CONSTRAINT orders_code_small CHECK (code < 100) NOT VALID;\n",
                "ALTER TABLE orders DROP CONSTRAINT orders_code_small;\n");

        assertThat(phase(result, Phase.UP).aftermath().notValidConstraints())
                .containsExactly("orders_code_small on public.orders");
        assertThat(phase(result, Phase.DOWN).aftermath().notValidConstraints()).isEmpty();
    }

    @Test
    void rowsWrittenWithExplicitIdsLeaveTheSequenceBehindAndItIsNamedWithBothValues() throws Exception {
        CycleResult result = new TracedHistory(server, dir).rehearse(
                "CREATE TABLE items (id serial PRIMARY KEY, label text);\n"
                        + "INSERT INTO items (label) SELECT 'item ' || g FROM generate_series(1, 10) g;\n",
                "INSERT INTO items (id, label) VALUES (500, 'imported with its old id');\n",
                "DELETE FROM items WHERE id = 500;\n");

        assertThat(phase(result, Phase.UP).aftermath().sequencesBehind())
                .containsExactly("public.items_id_seq at 10 < max(public.items.id) 500");
        assertThat(phase(result, Phase.DOWN).aftermath().sequencesBehind()).isEmpty();
    }

    private static PhaseResult phase(CycleResult result, Phase phase) {
        return result.phase(phase).orElseThrow();
    }
}
