package dev.migratest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Diff lines and their formatting, on snapshots built by hand: no database. */
class SchemaDiffTest {

    private static SchemaObject object(String kind, String name, String parent, String... attributes) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new SchemaObject(kind, name, parent, map);
    }

    private static SchemaSnapshot snapshot(SchemaObject... objects) {
        return new SchemaSnapshot(List.of(objects));
    }

    private static final SchemaObject USERS = object("table", "public.users", null, "kind", "ordinary",
            "persistence", "permanent");

    private static SchemaObject column(String name, String type, int position) {
        return object("column", "public.users." + name, "table public.users", "type", type, "not null", "false",
                "position", Integer.toString(position));
    }

    @Test
    void equalSnapshotsGiveNoLine() {
        SchemaSnapshot snapshot = snapshot(USERS, column("id", "bigint", 1));

        assertThat(SchemaDiff.between(snapshot, snapshot(USERS, column("id", "bigint", 1)), ColumnOrder.STRICT))
                .isEmpty();
    }

    @Test
    void changedAttributeReadsFromExpectedToActual() {
        List<String> lines = SchemaDiff.between(
                snapshot(USERS, column("phone", "character varying(20)", 1)),
                snapshot(USERS, column("phone", "text", 1)), ColumnOrder.STRICT);

        assertThat(lines).containsExactly("column public.users.phone: type character varying(20) → text");
    }

    @Test
    void attributePresentOnOneSideOnlyShowsNone() {
        List<String> lines = SchemaDiff.between(
                snapshot(USERS, column("n", "integer", 1)),
                snapshot(USERS, object("column", "public.users.n", "table public.users", "type", "integer",
                        "not null", "false", "position", "1", "default", "0")),
                ColumnOrder.STRICT);

        assertThat(lines).containsExactly("column public.users.n: default (none) → 0");
    }

    @Test
    void missingAndUnexpectedObjectsAreSummarized() {
        SchemaObject index = object("index", "public.users_email_idx", "table public.users",
                "definition", "CREATE INDEX users_email_idx ON public.users USING btree (email)", "valid", "true");

        List<String> lines = SchemaDiff.between(
                snapshot(USERS, column("id", "bigint", 1), column("phone", "text", 2)),
                snapshot(USERS, column("id", "bigint", 1), index), ColumnOrder.STRICT);

        assertThat(lines).containsExactly(
                "column public.users.phone: missing (expected: text, nullable)",
                "index public.users_email_idx: unexpected "
                        + "(CREATE INDEX users_email_idx ON public.users USING btree (email))");
    }

    @Test
    void objectsOfAMissingTableAreNotListedAgain() {
        SchemaObject index = object("index", "public.users_pkey", "table public.users", "definition", "CREATE …");

        List<String> lines = SchemaDiff.between(
                snapshot(USERS, column("id", "bigint", 1), column("note", "text", 2), index),
                snapshot(), ColumnOrder.STRICT);

        assertThat(lines).containsExactly("table public.users: missing (expected: columns id bigint, note text)");
    }

    @Test
    void strictComparesPositionsIgnoreDoesNot() {
        SchemaSnapshot before = snapshot(USERS, column("a", "integer", 1), column("b", "integer", 2),
                column("c", "integer", 3));
        SchemaSnapshot after = snapshot(USERS, column("a", "integer", 1), column("c", "integer", 2),
                column("b", "integer", 3));

        assertThat(SchemaDiff.between(before, after, ColumnOrder.STRICT)).containsExactly(
                "column public.users.b: position 2 → 3",
                "column public.users.c: position 3 → 2");
        assertThat(SchemaDiff.between(before, after, ColumnOrder.IGNORE)).isEmpty();
    }

    @Test
    void aMissingColumnDoesNotMoveTheColumnsAfterIt() {
        SchemaSnapshot before = snapshot(USERS, column("a", "integer", 1), column("b", "integer", 2),
                column("c", "integer", 3));
        SchemaSnapshot after = snapshot(USERS, column("a", "integer", 1), column("c", "integer", 2));

        assertThat(SchemaDiff.between(before, after, ColumnOrder.STRICT))
                .containsExactly("column public.users.b: missing (expected: integer, nullable)");
    }

    @Test
    void linesAreSorted() {
        List<String> lines = SchemaDiff.between(
                snapshot(object("schema", "b", null), object("schema", "a", null, "comment", "x")),
                snapshot(object("schema", "c", null), object("schema", "a", null, "comment", "y")),
                ColumnOrder.STRICT);

        assertThat(lines).containsExactly(
                "schema a: comment x → y",
                "schema b: missing",
                "schema c: unexpected");
    }

    @Test
    void longDefinitionsAreCutAroundTheFirstDifferenceAndStayDistinguishable() {
        String head = "CREATE OR REPLACE FUNCTION public.f(x integer)\n RETURNS integer\n LANGUAGE sql\n AS $$ SELECT ";
        String tail = " + x FROM generate_series(1, 10) AS g(i) WHERE i > 3 ORDER BY i DESC LIMIT 1 $$\n";
        SchemaSnapshot before = snapshot(object("function", "public.f(integer)", null, "definition",
                head + "1" + tail));
        SchemaSnapshot after = snapshot(object("function", "public.f(integer)", null, "definition",
                head + "2" + tail));

        List<String> lines = SchemaDiff.between(before, after, ColumnOrder.STRICT);

        assertThat(lines).containsExactly("function public.f(integer): definition "
                + "…sql AS $$ SELECT 1 + x FROM… → …sql AS $$ SELECT 2 + x FROM…");
    }

    @Test
    void aLongDifferenceKeepsItsStartAndStaysShort() {
        String common = "x".repeat(200);
        String[] excerpts = Excerpt.pair(common + "a".repeat(300), common + "b".repeat(300));

        assertThat(excerpts[0]).startsWith("…" + "x".repeat(Excerpt.CONTEXT) + "a").endsWith("…")
                .hasSize(Excerpt.MAX + 2);
        assertThat(excerpts[1]).startsWith("…" + "x".repeat(Excerpt.CONTEXT) + "b");
    }

    @Test
    void whitespaceIsFoldedForDisplayButAWhitespaceOnlyDifferenceIsShown() {
        assertThat(Excerpt.of(" SELECT id,\n    email\n   FROM public.users;"))
                .isEqualTo("SELECT id, email FROM public.users;");

        List<String> lines = SchemaDiff.between(
                snapshot(object("view", "public.v", null, "definition", "SELECT 1\n")),
                snapshot(object("view", "public.v", null, "definition", "SELECT  1\n")), ColumnOrder.STRICT);

        assertThat(lines).containsExactly("view public.v: definition \"SELECT 1\\n\" → \"SELECT  1\\n\"");
    }

    @Test
    void longSummariesAreCut() {
        SchemaObject view = object("view", "public.wide", null, "definition", "SELECT " + "column_name, ".repeat(20));

        List<String> lines = SchemaDiff.between(snapshot(), snapshot(view), ColumnOrder.STRICT);

        assertThat(lines).containsExactly("view public.wide: unexpected "
                + "(SELECT column_name, column_name, column_name, column_name, column_name,…)");
    }

    @Test
    void surrogatePairsAreNotSplit() {
        String value = "a".repeat(Excerpt.MAX - 1) + "😀" + "tail";

        assertThat(Excerpt.of(value)).isEqualTo("a".repeat(Excerpt.MAX - 1) + "…");
    }
}
