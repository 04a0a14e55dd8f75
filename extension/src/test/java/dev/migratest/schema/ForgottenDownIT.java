package dev.migratest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per aspect of the catalog: an up changes it, a down forgets to undo it (or undoes it wrongly), and the
 * diff of the state after the down against the state before the up names exactly what was left behind.
 */
class ForgottenDownIT {

    private static final String USERS = "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "email text NOT NULL, name text, active boolean NOT NULL DEFAULT true);";
    private static final String ORDERS = USERS + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, "
            + "amount numeric(10,2), CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));";

    private static TestPostgres postgres;
    private static Rehearsal rehearsal;

    @BeforeAll
    static void startPostgres() throws SQLException {
        postgres = TestPostgres.start();
        rehearsal = new Rehearsal(postgres);
        try (Connection connection = postgres.freshDatabase()) {
            Rehearsal.execute(connection, "CREATE ROLE reader");
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    // --- schemas and tables

    @Test
    void schemaLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore("", "CREATE SCHEMA audit", ""))
                .containsExactly("schema audit: unexpected");
    }

    @Test
    void tableLeftBehindIsOneLineWithItsColumns() throws SQLException {
        assertThat(rehearsal.downVsBefore("",
                "CREATE TABLE audit_log (id bigint PRIMARY KEY, note text); CREATE INDEX ON audit_log (note)", ""))
                .containsExactly("table public.audit_log: unexpected (columns id bigint, note text)");
    }

    @Test
    void tableDroppedByTheDownThatTheUpDidNotCreate() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TABLE keep (id int)", "CREATE TABLE temp_copy (id int)",
                "DROP TABLE temp_copy; DROP TABLE keep"))
                .containsExactly("table public.keep: missing (expected: columns id integer)");
    }

    @Test
    void persistenceNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TABLE t (a int)", "ALTER TABLE t SET UNLOGGED", ""))
                .containsExactly("table public.t: persistence permanent → unlogged");
    }

    @Test
    void partitionedTableNotTurnedBack() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TABLE events (id int, at date)",
                "DROP TABLE events; CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)", ""))
                .containsExactly(
                        "table public.events: kind ordinary → partitioned",
                        "table public.events: partition key (none) → RANGE (at)");
    }

    @Test
    void partitionBoundNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore(
                "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);"
                        + "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "ALTER TABLE events DETACH PARTITION events_2024;"
                        + "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')",
                ""))
                .containsExactly("table public.events_2024: partition bound "
                        + "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') → FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')");
    }

    // --- columns

    @Test
    void columnTypeNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TABLE users (id int, phone varchar(20))",
                "ALTER TABLE users ALTER COLUMN phone TYPE text", ""))
                .containsExactly("column public.users.phone: type character varying(20) → text");
    }

    @Test
    void addedColumnNotDropped() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS, "ALTER TABLE users ADD COLUMN phone text", ""))
                .containsExactly("column public.users.phone: unexpected (text, nullable)");
    }

    @Test
    void downDropsAColumnTheUpDidNotAdd() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS, "ALTER TABLE users ADD COLUMN phone text",
                "ALTER TABLE users DROP COLUMN phone, DROP COLUMN name"))
                .containsExactly("column public.users.name: missing (expected: text, nullable)");
    }

    @Test
    void notNullNotDropped() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS, "ALTER TABLE users ALTER COLUMN name SET NOT NULL", ""))
                .containsExactly("column public.users.name: not null false → true");
    }

    @Test
    void defaultNotDropped() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS, "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anonymous'", ""))
                .containsExactly("column public.users.name: default (none) → 'anonymous'::text");
    }

    @Test
    void identityNotDropped() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TABLE t (id int NOT NULL)",
                "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY", ""))
                .containsExactly(
                        "column public.t.id: identity (none) → always",
                        "sequence public.t_id_seq: unexpected (integer start 1 increment 1)");
    }

    @Test
    void generatedExpressionNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore(
                "CREATE TABLE items (price numeric, qty int, total numeric GENERATED ALWAYS AS (price * qty) STORED)",
                "ALTER TABLE items ALTER COLUMN total SET EXPRESSION AS (price * qty * 2)", ""))
                .containsExactly("column public.items.total: generated (price * (qty)::numeric) (stored) "
                        + "→ ((price * (qty)::numeric) * (2)::numeric) (stored)");
    }

    @Test
    void collationNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TABLE t (name text)",
                "ALTER TABLE t ALTER COLUMN name TYPE text COLLATE \"C\"", ""))
                .containsExactly("column public.t.name: collation (none) → \"C\"");
    }

    @Test
    void reAddedColumnLandsAtTheEndWhichOnlyStrictReports() throws SQLException {
        String setup = "CREATE TABLE users (id int, email text, name text)";
        String up = "ALTER TABLE users DROP COLUMN email";
        String down = "ALTER TABLE users ADD COLUMN email text";

        assertThat(rehearsal.downVsBefore(setup, up, down, ColumnOrder.STRICT)).containsExactly(
                "column public.users.email: position 2 → 3",
                "column public.users.name: position 3 → 2");
        assertThat(rehearsal.downVsBefore(setup, up, down, ColumnOrder.IGNORE)).isEmpty();
    }

    // --- constraints

    @Test
    void constraintLeftNotValid() throws SQLException {
        assertThat(rehearsal.downVsBefore(ORDERS,
                "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) "
                        + "ON DELETE CASCADE NOT VALID",
                "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) "
                        + "NOT VALID"))
                .containsExactly("constraint public.orders.orders_user_fk: validated true → false");
    }

    @Test
    void constraintDefinitionNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore(ORDERS,
                "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) "
                        + "ON DELETE CASCADE", ""))
                .containsExactly("constraint public.orders.orders_user_fk: definition "
                        + "FOREIGN KEY (user_id) REFERENCES public.users(id) "
                        + "→ FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE");
    }

    @Test
    void checkConstraintLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(ORDERS,
                "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID", ""))
                .containsExactly("constraint public.orders.amount_positive: unexpected "
                        + "(CHECK ((amount > (0)::numeric)) NOT VALID)");
    }

    // --- indexes

    @Test
    void indexLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS, "CREATE INDEX users_email_idx ON users (email)", ""))
                .containsExactly("index public.users_email_idx: unexpected "
                        + "(CREATE INDEX users_email_idx ON public.users USING btree (email))");
    }

    @Test
    void indexLeftInvalidByAFailedConcurrentBuild() throws SQLException {
        try (Connection connection = postgres.freshDatabase()) {
            Rehearsal.execute(connection, USERS + "CREATE UNIQUE INDEX users_email_key ON users (email);"
                    + "INSERT INTO users (email) VALUES ('a@example.com')");
            SchemaSnapshot before = SchemaSnapshot.take(connection);
            // up: rebuild the index concurrently; a duplicate makes the build fail and leaves it INVALID
            Rehearsal.execute(connection, "DROP INDEX users_email_key");
            Rehearsal.execute(connection, "INSERT INTO users (email) VALUES ('a@example.com')");
            assertThatThrownBy(() -> Rehearsal.execute(connection,
                    "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)"))
                    .isInstanceOf(SQLException.class);
            // down: removes the duplicate but forgets to rebuild the index
            Rehearsal.execute(connection, "DELETE FROM users WHERE id = 2");

            assertThat(SchemaDiff.between(before, SchemaSnapshot.take(connection), ColumnOrder.STRICT))
                    .containsExactly("index public.users_email_key: valid true → false");
        }
    }

    // --- sequences

    @Test
    void sequenceOptionsNotRestoredButItsValueIsNotCompared() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE SEQUENCE counter",
                "ALTER SEQUENCE counter INCREMENT BY 10 MAXVALUE 1000 CYCLE; SELECT nextval('counter')",
                "SELECT nextval('counter')"))
                .containsExactly(
                        "sequence public.counter: cycle false → true",
                        "sequence public.counter: increment 1 → 10",
                        "sequence public.counter: max 9223372036854775807 → 1000");
    }

    // --- views

    @Test
    void viewDefinitionNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS + "CREATE VIEW active_users AS SELECT id FROM users WHERE active",
                "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE active", ""))
                .containsExactly(
                        "column public.active_users.email: unexpected (text)",
                        "view public.active_users: definition SELECT id FROM public.users WHERE active; "
                                + "→ SELECT id, email FROM public.users WHERE active;");
    }

    @Test
    void materializedViewLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS,
                "CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users", ""))
                .containsExactly("materialized view public.user_count: unexpected "
                        + "(SELECT count(*) AS n FROM public.users;)");
    }

    // --- functions and procedures

    @Test
    void functionBodyNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore(
                "CREATE FUNCTION add_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE "
                        + "AS $$ SELECT amount * 1.19 $$",
                "CREATE OR REPLACE FUNCTION add_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE "
                        + "AS $$ SELECT amount * 1.21 $$", ""))
                .containsExactly("function public.add_tax(numeric): definition "
                        + "…SELECT amount * 1.19 $function$ → …SELECT amount * 1.21 $function$");
    }

    @Test
    void functionsAreKeyedBySignature() throws SQLException {
        assertThat(rehearsal.downVsBefore(
                "CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$",
                "CREATE FUNCTION f(x text) RETURNS text LANGUAGE sql AS $$ SELECT x $$",
                "DROP FUNCTION f(integer)"))
                .containsExactly(
                        "function public.f(integer): missing (expected: CREATE OR REPLACE FUNCTION public.f(x integer) "
                                + "RETURNS integer LANGUAGE sql AS…)",
                        "function public.f(text): unexpected (CREATE OR REPLACE FUNCTION public.f(x text) "
                                + "RETURNS text LANGUAGE sql AS…)");
    }

    @Test
    void procedureLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS,
                "CREATE PROCEDURE deactivate(p_id bigint) LANGUAGE sql "
                        + "AS $$ UPDATE users SET active = false WHERE id = p_id $$", ""))
                .containsExactly("procedure public.deactivate(bigint): unexpected (CREATE OR REPLACE PROCEDURE "
                        + "public.deactivate(IN p_id bigint) LANGUAGE sql AS…)");
    }

    // --- triggers

    /** Needs USERS. */
    private static final String TOUCH = "ALTER TABLE users ADD COLUMN updated_at timestamptz;"
            + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql "
            + "AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;";

    @Test
    void triggerLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS + TOUCH,
                "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()", ""))
                .containsExactly("trigger public.users.users_touch: unexpected (CREATE TRIGGER users_touch "
                        + "BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE…)");
    }

    @Test
    void triggerLeftDisabled() throws SQLException {
        assertThat(rehearsal.downVsBefore(
                USERS + TOUCH + "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()",
                "ALTER TABLE users DISABLE TRIGGER users_touch", ""))
                .containsExactly("trigger public.users.users_touch: enabled true → false");
    }

    // --- types

    @Test
    void enumValueCannotBeRemovedSoItIsLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TYPE status AS ENUM ('draft', 'published')",
                "ALTER TYPE status ADD VALUE 'archived'", ""))
                .containsExactly("enum public.status: labels [draft, published] → [draft, published, archived]");
    }

    @Test
    void enumRecreatedWithLabelsInAnotherOrder() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TYPE status AS ENUM ('draft', 'published')",
                "ALTER TYPE status ADD VALUE 'archived' BEFORE 'published'",
                "DROP TYPE status; CREATE TYPE status AS ENUM ('published', 'draft')"))
                .containsExactly("enum public.status: labels [draft, published] → [published, draft]");
    }

    @Test
    void domainChangesNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                "ALTER DOMAIN positive SET NOT NULL; ALTER DOMAIN positive SET DEFAULT 1;"
                        + "ALTER DOMAIN positive ADD CONSTRAINT positive_small CHECK (VALUE < 1000) NOT VALID",
                ""))
                .containsExactly(
                        "constraint public.positive.positive_small: unexpected (CHECK ((VALUE < 1000)) NOT VALID)",
                        "domain public.positive: default (none) → 1",
                        "domain public.positive: not null false → true");
    }

    @Test
    void domainRecreatedOnAnotherBaseType() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                "DROP DOMAIN positive; CREATE DOMAIN positive AS bigint CHECK (VALUE > 0)",
                ""))
                .containsExactly("domain public.positive: base type integer → bigint");
    }

    @Test
    void compositeTypeAttributeNotDropped() throws SQLException {
        assertThat(rehearsal.downVsBefore("CREATE TYPE address AS (street text, city text)",
                "ALTER TYPE address ADD ATTRIBUTE zip text", ""))
                .containsExactly("type public.address: attributes street text, city text "
                        + "→ street text, city text, zip text");
    }

    // --- extensions

    @Test
    void extensionLeftInstalledIsOneLineWithoutItsObjects() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS,
                "CREATE EXTENSION pg_trgm; CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops)",
                "DROP INDEX users_name_trgm"))
                .containsExactly("extension pg_trgm: unexpected (version 1.6)");
    }

    @Test
    void extensionTypeUsedByAColumnIsNamedButNotListed() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS,
                "CREATE EXTENSION citext; ALTER TABLE users ALTER COLUMN email TYPE citext", ""))
                .containsExactly(
                        "column public.users.email: type text → public.citext",
                        "extension citext: unexpected (version 1.6)");
    }

    // --- row level security and policies

    @Test
    void forcedRowLevelSecurityNotTurnedOff() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS,
                "ALTER TABLE users ENABLE ROW LEVEL SECURITY; ALTER TABLE users FORCE ROW LEVEL SECURITY",
                "ALTER TABLE users DISABLE ROW LEVEL SECURITY"))
                .containsExactly("table public.users: force row security false → true");
    }

    @Test
    void policyLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS,
                "CREATE POLICY own_rows ON users FOR SELECT TO reader USING (email = current_user)", ""))
                .containsExactly("policy public.users.own_rows: unexpected "
                        + "(SELECT to reader using (email = CURRENT_USER))");
    }

    @Test
    void policyRolesNotRestored() throws SQLException {
        assertThat(rehearsal.downVsBefore(USERS + "CREATE POLICY own_rows ON users USING (email = current_user)",
                "ALTER POLICY own_rows ON users TO reader", ""))
                .containsExactly("policy public.users.own_rows: roles public → reader");
    }

    // --- comments, on every kind of object

    @Test
    void commentsNotRemoved() throws SQLException {
        String setup = ORDERS + TOUCH
                + "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();"
                + "CREATE INDEX users_email_idx ON users (email); CREATE VIEW v AS SELECT id FROM users;"
                + "CREATE SEQUENCE counter; CREATE TYPE status AS ENUM ('a'); CREATE SCHEMA audit;"
                + "CREATE POLICY own_rows ON users USING (true);";
        String up = "COMMENT ON SCHEMA audit IS 's'; COMMENT ON TABLE users IS 't';"
                + "COMMENT ON COLUMN users.email IS 'c'; COMMENT ON CONSTRAINT orders_user_fk ON orders IS 'k';"
                + "COMMENT ON INDEX users_email_idx IS 'i'; COMMENT ON VIEW v IS 'v';"
                + "COMMENT ON SEQUENCE counter IS 'q'; COMMENT ON FUNCTION touch() IS 'f';"
                + "COMMENT ON TRIGGER users_touch ON users IS 'g'; COMMENT ON TYPE status IS 'e';"
                + "COMMENT ON POLICY own_rows ON users IS 'p'; COMMENT ON SCHEMA public IS 'changed'";

        assertThat(rehearsal.downVsBefore(setup, up, "COMMENT ON TABLE users IS NULL")).containsExactly(
                "column public.users.email: comment (none) → c",
                "constraint public.orders.orders_user_fk: comment (none) → k",
                "enum public.status: comment (none) → e",
                "function public.touch(): comment (none) → f",
                "index public.users_email_idx: comment (none) → i",
                "policy public.users.own_rows: comment (none) → p",
                "schema audit: comment (none) → s",
                "schema public: comment standard public schema → changed",
                "sequence public.counter: comment (none) → q",
                "trigger public.users.users_touch: comment (none) → g",
                "view public.v: comment (none) → v");
    }

    // --- privileges

    @Test
    void grantsNotRevoked() throws SQLException {
        String setup = USERS + "CREATE SCHEMA audit; CREATE SEQUENCE counter; CREATE TYPE status AS ENUM ('a');"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;";
        String up = "GRANT SELECT ON users TO reader; GRANT UPDATE (name) ON users TO reader;"
                + "GRANT USAGE ON SCHEMA audit TO reader; GRANT USAGE ON SEQUENCE counter TO reader;"
                + "REVOKE USAGE ON TYPE status FROM PUBLIC; REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC";

        assertThat(rehearsal.downVsBefore(setup, up, "")).containsExactly(
                "column public.users.name: privileges (none) → reader=w/postgres",
                "enum public.status: privileges (none) → postgres=U/postgres",
                "function public.f(): privileges (none) → postgres=X/postgres",
                "schema audit: privileges (none) → postgres=UC/postgres, reader=U/postgres",
                "sequence public.counter: privileges (none) → postgres=rwU/postgres, reader=U/postgres",
                "table public.users: privileges (none) → postgres=arwdDxtm/postgres, reader=r/postgres");
    }

    // --- other kinds

    @Test
    void ruleStatisticsAndEventTriggerLeftBehind() throws SQLException {
        assertThat(rehearsal.downVsBefore(ORDERS + "CREATE FUNCTION on_ddl() RETURNS event_trigger "
                        + "LANGUAGE plpgsql AS $$ BEGIN END $$;",
                "CREATE RULE no_delete AS ON DELETE TO orders DO INSTEAD NOTHING;"
                        + "CREATE STATISTICS orders_stats ON user_id, amount FROM orders;"
                        + "CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl()",
                ""))
                .containsExactly(
                        "event trigger log_ddl: unexpected (on ddl_command_end executes public.on_ddl)",
                        "rule public.orders.no_delete: unexpected "
                                + "(CREATE RULE no_delete AS ON DELETE TO public.orders DO INSTEAD NOTHING;)",
                        "statistics public.orders_stats: unexpected "
                                + "(CREATE STATISTICS public.orders_stats ON user_id, amount FROM public.orders)");
    }

    @Test
    void everythingAboveUndoneGivesNoLine() throws SQLException {
        List<String> lines = rehearsal.downVsBefore(ORDERS + TOUCH,
                "CREATE SCHEMA audit; CREATE TABLE audit.log (id bigserial PRIMARY KEY, note text);"
                        + "ALTER TABLE users ADD COLUMN phone text NOT NULL DEFAULT '';"
                        + "CREATE INDEX users_email_idx ON users (email);"
                        + "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID;"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT amount_positive;"
                        + "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();"
                        + "CREATE VIEW v AS SELECT id, email FROM users; CREATE TYPE status AS ENUM ('a', 'b');"
                        + "ALTER TABLE users ENABLE ROW LEVEL SECURITY;"
                        + "CREATE POLICY own_rows ON users USING (email = current_user);"
                        + "GRANT SELECT ON users TO reader; COMMENT ON COLUMN users.email IS 'login'",
                "COMMENT ON COLUMN users.email IS NULL; REVOKE SELECT ON users FROM reader;"
                        + "DROP POLICY own_rows ON users; ALTER TABLE users DISABLE ROW LEVEL SECURITY;"
                        + "DROP TYPE status; DROP VIEW v; DROP TRIGGER users_touch ON users;"
                        + "ALTER TABLE orders DROP CONSTRAINT amount_positive; DROP INDEX users_email_idx;"
                        + "ALTER TABLE users DROP COLUMN phone; DROP SCHEMA audit CASCADE");

        assertThat(lines).isEmpty();
    }
}
