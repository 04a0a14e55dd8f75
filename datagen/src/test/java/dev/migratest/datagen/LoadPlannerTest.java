package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LoadPlannerTest {

    private static final ColumnType INT = ColumnType.of("integer", TypeCategory.INTEGER);

    /**
     * A table with an id PK and one integer FK column per reference {@code "col->table"}; a trailing {@code ?}
     * makes it nullable, a trailing {@code ~} DEFERRABLE.
     */
    private static Table table(String name, String... refs) {
        return table(name, false, refs);
    }

    private static Table table(String name, boolean deferrable, String... refs) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of("id", 1, INT, true));
        List<ForeignKey> fks = new ArrayList<>();
        for (String spec : refs) {
            boolean deferrableKey = deferrable || spec.endsWith("~");
            String ref = spec.endsWith("~") ? spec.substring(0, spec.length() - 1) : spec;
            boolean nullable = ref.endsWith("?");
            String r = nullable ? ref.substring(0, ref.length() - 1) : ref;
            String col = r.substring(0, r.indexOf("->"));
            String target = r.substring(r.indexOf("->") + 2);
            cols.add(Column.of(col, cols.size() + 1, INT, !nullable));
            fks.add(new ForeignKey(name + "_" + col + "_fkey", List.of(col), TableName.parse(target), List.of("id"),
                    deferrableKey, false, false));
        }
        return Table.of(TableName.parse(name), cols,
                List.of(UniqueKey.of(name + "_pkey", UniqueKey.Kind.PRIMARY_KEY, "id")), fks);
    }

    private static SchemaModel model(Table... tables) {
        return new SchemaModel(List.of(tables));
    }

    @Test
    void referencedTablesComeFirstAndTiesGoByName() {
        SchemaModel m = model(
                table("order_lines", "order_id->orders", "product_id->products"),
                table("orders", "user_id->users"),
                table("users"),
                table("products"),
                table("audit"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(10));
        assertThat(plan.order()).containsExactly(
                "public.audit", "public.products", "public.users", "public.orders", "public.order_lines");
        assertThat(plan.steps()).allSatisfy(s -> {
            assertThat(s.tables()).hasSize(1);
            assertThat(s.deferConstraints()).isFalse();
            assertThat(s.updates()).isEmpty();
        });
    }

    @Test
    void ratiosMultiplyTheParentsRows() {
        SchemaModel m = model(table("users"), table("orders", "user_id->users"),
                table("order_lines", "order_id->orders"), table("audit"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(7)
                .rows("users", 100)
                .ratio("orders", 3, "public.users")
                .ratio("order_lines", 2.5, "orders"));
        assertThat(plan.tables()).extracting(t -> t.table().name().name() + "=" + t.rows())
                .containsExactly("audit=7", "users=100", "orders=300", "order_lines=750");
    }

    @Test
    void selfReferencesAreKeptInTheTable() {
        Table employees = table("employees", "manager_id->employees?");
        LoadPlan plan = LoadPlanner.plan(model(employees), Volume.defaultRows(5));
        LoadPlan.TableLoad load = plan.tables().get(0);
        assertThat(load.selfReferences()).extracting(ForeignKey::name).containsExactly("employees_manager_id_fkey");
        assertThat(load.nullUntilUpdated()).isEmpty();
    }

    @Test
    void cycleIsBrokenThroughTheNullableKey() {
        SchemaModel m = model(
                table("a", "b_id->b"),
                table("b", "c_id->c"),
                table("c", "a_id->a?"),
                table("d", "a_id->a"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(10));
        assertThat(plan.order()).containsExactly("public.c", "public.b", "public.a", "public.d");
        LoadPlan.Step cycle = plan.steps().get(0);
        assertThat(cycle.deferConstraints()).isFalse();
        assertThat(cycle.tables()).extracting(t -> t.table().name().name()).containsExactly("c", "b", "a");
        assertThat(cycle.tables().get(0).nullUntilUpdated()).extracting(ForeignKey::name).containsExactly("c_a_id_fkey");
        assertThat(cycle.updates()).singleElement().satisfies(u -> {
            assertThat(u.table()).isEqualTo(TableName.parse("c"));
            assertThat(u.foreignKey().name()).isEqualTo("c_a_id_fkey");
            assertThat(u.columns()).containsExactly("a_id");
        });
    }

    @Test
    void deferrableNotNullCycleIsLoadedInOneDeferredTransaction() {
        SchemaModel m = model(table("a", "b_id->b"), table("b", true, "a_id->a"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(10));
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.deferConstraints()).isTrue();
            assertThat(s.updates()).isEmpty();
            // a must precede b? no: b's key to a is deferrable, a's key to b is not, so b first
            assertThat(s.tables()).extracting(t -> t.table().name().name()).containsExactly("b", "a");
        });
    }

    @Test
    void notNullCycleIsReportedWithItsFix() {
        SchemaModel m = model(table("a", "b_id->b"), table("b", "c_id->c"), table("c", "a_id->a"), table("d"));
        assertThatThrownBy(() -> LoadPlanner.plan(m, Volume.defaultRows(10)))
                .isInstanceOf(DatagenException.class)
                .hasMessage("public.a.b_id: foreign keys form a cycle public.a → public.b → public.c → public.a and "
                        + "every key in it is NOT NULL and not DEFERRABLE: public.a(b_id) a_b_id_fkey, "
                        + "public.b(c_id) b_c_id_fkey, public.c(a_id) c_a_id_fkey. Fix: make one of these foreign "
                        + "keys nullable or DEFERRABLE, or give the tables of the cycle 0 rows");
    }

    @Test
    void cycleOfEmptyTablesNeedsNothing() {
        SchemaModel m = model(table("a", "b_id->b"), table("b", "a_id->a"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(0));
        assertThat(plan.order()).containsExactly("public.a", "public.b");
    }

    @Test
    void notNullKeyToEmptyTableIsAnErrorAndEveryProblemIsReported() {
        SchemaModel m = model(table("users"), table("tags"),
                table("orders", "user_id->users", "tag_id->tags?"),
                table("reviews", "user_id->users"));
        DatagenException e = org.junit.jupiter.api.Assertions.assertThrows(DatagenException.class,
                () -> LoadPlanner.plan(m, Volume.defaultRows(10).rows("users", 0).rows("tags", 0)));
        assertThat(e.problems()).hasSize(2);
        assertThat(e).hasMessage("2 problems:\n"
                + "  - public.orders.user_id: foreign key orders_user_id_fkey is NOT NULL and references public.users, "
                + "which gets 0 rows. Fix: give public.users rows, or give public.orders 0 rows\n"
                + "  - public.reviews.user_id: foreign key reviews_user_id_fkey is NOT NULL and references public.users, "
                + "which gets 0 rows. Fix: give public.users rows, or give public.reviews 0 rows");
    }

    @Test
    void nullableKeyToEmptyTableStaysNull() {
        SchemaModel m = model(table("tags"), table("orders", "tag_id->tags?"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(10).rows("tags", 0));
        assertThat(plan.order()).containsExactly("public.orders", "public.tags");
        assertThat(plan.tables().get(0).alwaysNull()).extracting(ForeignKey::name).containsExactly("orders_tag_id_fkey");
    }

    @Test
    void everyNameThatMeansNoTableAndEveryTableNamedTwiceIsReportedWithTheNamesThatWouldWork() {
        Table billingUsers = Table.of(new TableName("billing", "users"), List.of(Column.of("id", 1, INT, true)), List.of(), List.of());
        Table invoices = Table.of(new TableName("billing", "invoices"), List.of(Column.of("id", 1, INT, true)), List.of(), List.of());
        SchemaModel m = new SchemaModel(List.of(table("users"), table("orders", "user_id->users"), billingUsers, invoices,
                table("AuditEvents")));
        assertThatThrownBy(() -> LoadPlanner.plan(m, Volume.defaultRows(1).rows("customers", 5).rows("invoices", 2)
                .rows("auditevents", 3).ratio("orders", 2, "users").rows("users", 4).rows("public.users", 6)))
                .isInstanceOf(DatagenException.class)
                .hasMessage("4 problems:\n"
                        + "  - customers: no table customers in the search_path (public). Fix: use one of the known"
                        + " tables: billing.invoices, billing.users, public.\"AuditEvents\", public.orders, public.users\n"
                        + "  - invoices: no table invoices in the search_path (public). Fix: qualify it with its schema:"
                        + " billing.invoices\n"
                        + "  - auditevents: no table auditevents in the search_path (public) (unquoted names are read in"
                        + " lower case). Fix: write the name as it is spelled, double-quoted: public.\"AuditEvents\"\n"
                        + "  - public.users: the volume names table public.users twice (as 'users' and 'public.users')."
                        + " Fix: give it one row count or one ratio");
    }

    @Test
    void aNameWithoutSchemaMeansTheFirstTableOfThatNameAlongTheSearchPath() {
        Table billingUsers = Table.of(new TableName("billing", "users"), List.of(Column.of("id", 1, INT, true)), List.of(), List.of());
        Volume volume = Volume.defaultRows(1).rows("users", 7).rows("\"AuditEvents\"", 3).ratio("public.orders", 2, "public.users");
        List<Table> tables = List.of(table("users"), table("orders", "user_id->users"), billingUsers, table("AuditEvents"));

        assertThat(rows(LoadPlanner.plan(new SchemaModel(tables), volume)))
                .containsEntry("public.users", 7L).containsEntry("billing.users", 1L)
                .containsEntry("public.orders", 14L).containsEntry("public.AuditEvents", 3L);
        assertThat(rows(LoadPlanner.plan(new SchemaModel(tables, List.of("billing", "public")), volume)))
                .as("billing comes first on this path; the ratio's qualified parent stays public.users")
                .containsEntry("billing.users", 7L).containsEntry("public.users", 1L).containsEntry("public.orders", 2L);
    }

    private static java.util.Map<String, Long> rows(LoadPlan plan) {
        return plan.tables().stream().collect(java.util.stream.Collectors.toMap(t -> t.table().name().toString(),
                LoadPlan.TableLoad::rows));
    }

    @Test
    void ratioCycleIsReported() {
        SchemaModel m = model(table("a"), table("b"));
        assertThatThrownBy(() -> LoadPlanner.plan(m, Volume.defaultRows(1).ratio("a", 2, "b").ratio("b", 2, "a")))
                .hasMessage("public.a: ratios form a cycle public.a → public.b → public.a. "
                        + "Fix: give one of these tables a row count instead of a ratio");
    }

    @Test
    void unsupportedColumnsAreListed() {
        ColumnType hstore = ColumnType.of("public.hstore", TypeCategory.UNKNOWN);
        Table t = new Table(TableName.parse("places"), false, List.of(),
                List.of(Column.of("id", 1, INT, true), Column.of("attrs", 2, hstore, false)),
                List.of(), List.of(), List.of(), -1, OptionalLong.empty());
        assertThat(model(t).unsupportedColumns()).extracting(SchemaModel.UnsupportedColumn::message)
                .containsExactly("public.places.attrs: type public.hstore is not supported; skip the table with 0 rows");
    }

    @Test
    void cycleNeedingBothDeferralAndANullableBreak() {
        // a ⇄ b only loads deferred (b's key is DEFERRABLE); a → c → a only through a's nullable key
        SchemaModel m = model(table("a", "b_id->b", "c_id->c?"), table("b", "a_id->a~"), table("c", "a_id->a"));
        LoadPlan plan = LoadPlanner.plan(m, Volume.defaultRows(10));
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.deferConstraints()).isTrue();
            assertThat(s.tables()).extracting(t -> t.table().name().name()).containsExactly("b", "a", "c");
            assertThat(s.updates()).extracting(u -> u.table().name() + "." + u.columns())
                    .containsExactly("a.[c_id]");
        });
    }

    @Test
    void compositeKeyWithOneNullableColumnIsNulledThroughThatColumn() {
        List<Column> cols = List.of(Column.of("id", 1, INT, true), Column.of("tenant", 2, INT, true),
                Column.of("parent_id", 3, INT, false));
        Table child = Table.of(TableName.parse("child"), cols, List.of(), List.of(ForeignKey.of("child_parent_fkey",
                List.of("tenant", "parent_id"), TableName.parse("parent"), List.of("tenant", "id"))));
        Table parent = table("parent", "child_id->child");
        LoadPlan plan = LoadPlanner.plan(model(child, parent), Volume.defaultRows(3));
        assertThat(plan.order()).containsExactly("public.child", "public.parent");
        assertThat(plan.steps().get(0).updates()).singleElement()
                .satisfies(u -> assertThat(u.columns()).containsExactly("parent_id"));
    }

    @Test
    void matchFullKeyNeedsEveryColumnNullable() {
        List<Column> cols = List.of(Column.of("id", 1, INT, true), Column.of("tenant", 2, INT, true),
                Column.of("parent_id", 3, INT, false));
        Table child = Table.of(TableName.parse("child"), cols, List.of(), List.of(new ForeignKey("child_parent_fkey",
                List.of("tenant", "parent_id"), TableName.parse("parent"), List.of("tenant", "id"), false, false, true)));
        assertThatThrownBy(() -> LoadPlanner.plan(model(child, table("parent")), Volume.defaultRows(3).rows("parent", 0)))
                .hasMessage("public.child.tenant, parent_id: foreign key child_parent_fkey is NOT NULL and references "
                        + "public.parent, which gets 0 rows. Fix: give public.parent rows, or give public.child 0 rows");
    }
}
