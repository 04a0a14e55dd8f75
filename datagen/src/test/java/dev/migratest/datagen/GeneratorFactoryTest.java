package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorFactoryTest {

    private static final TableName USERS = TableName.parse("users");
    private static final TableName ORDERS = TableName.parse("orders");
    private static final TableName FOLLOWS = TableName.parse("follows");

    private static ColumnType varchar(int n) {
        return new ColumnType("character varying(" + n + ")", "character varying(" + n + ")", TypeCategory.TEXT, null,
                n, null, null, List.of(), null, 0, false);
    }

    private static ColumnType numeric(int p, int s) {
        return new ColumnType("numeric(" + p + "," + s + ")", "numeric(" + p + "," + s + ")", TypeCategory.NUMERIC,
                null, null, p, s, List.of(), null, 0, false);
    }

    private static ColumnType array(ColumnType element) {
        return new ColumnType(element.declared() + "[]", element.base() + "[]", TypeCategory.ARRAY, null, null, null,
                null, List.of(), element, 1, false);
    }

    private static SchemaModel shop() {
        Table users = Table.of(USERS, List.of(
                Column.of("id", 1, ColumnType.of("bigint", TypeCategory.INTEGER), true),
                Column.of("email", 2, varchar(12), true),
                Column.of("token", 3, ColumnType.of("uuid", TypeCategory.UUID), false),
                Column.of("full_name", 4, ColumnType.of("text", TypeCategory.TEXT), false),
                Column.of("price", 5, numeric(8, 2), false),
                Column.of("tags", 6, array(varchar(5)), false),
                Column.of("profile", 7, ColumnType.of("jsonb", TypeCategory.JSONB), false),
                Column.of("created_at", 8, ColumnType.of("timestamp without time zone", TypeCategory.TIMESTAMP), true)),
                List.of(UniqueKey.of("users_pkey", UniqueKey.Kind.PRIMARY_KEY, "id"),
                        UniqueKey.of("users_email_key", UniqueKey.Kind.UNIQUE_CONSTRAINT, "email"),
                        UniqueKey.of("users_token_key", UniqueKey.Kind.UNIQUE_CONSTRAINT, "token")),
                List.of());
        Table orders = Table.of(ORDERS, List.of(
                Column.of("user_id", 1, ColumnType.of("bigint", TypeCategory.INTEGER), true),
                Column.of("line", 2, ColumnType.of("smallint", TypeCategory.INTEGER), true),
                Column.of("quantity", 3, ColumnType.of("integer", TypeCategory.INTEGER), true)),
                List.of(UniqueKey.of("orders_pkey", UniqueKey.Kind.PRIMARY_KEY, "user_id", "line")),
                List.of(ForeignKey.of("orders_user_fkey", List.of("user_id"), USERS, List.of("id"))));
        Table follows = Table.of(FOLLOWS, List.of(
                Column.of("a", 1, ColumnType.of("bigint", TypeCategory.INTEGER), true),
                Column.of("b", 2, ColumnType.of("bigint", TypeCategory.INTEGER), true)),
                List.of(UniqueKey.of("follows_pkey", UniqueKey.Kind.PRIMARY_KEY, "a", "b")),
                List.of(ForeignKey.of("follows_a_fkey", List.of("a"), USERS, List.of("id")),
                        ForeignKey.of("follows_b_fkey", List.of("b"), USERS, List.of("id"))));
        return new SchemaModel(List.of(users, orders, follows));
    }

    private static Map<TableName, TableGenerator> generators(long seed, Volume volume) {
        return new GeneratorFactory(seed, 0.01, CandidateFilter.NONE)
                .build(LoadPlanner.plan(shop(), volume), new ArrayList<>());
    }

    private static List<String> rows(TableGenerator g, long from, long to) {
        List<String> out = new ArrayList<>();
        for (long r = from; r < to; r++) {
            StringBuilder b = new StringBuilder();
            g.appendCopyRow(r, b);
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameRowsInAnyChunkOrder() {
        Volume v = Volume.defaultRows(3_000);
        TableGenerator a = generators(42, v).get(ORDERS);
        TableGenerator b = generators(42, v).get(ORDERS);
        List<String> forward = rows(a, 0, 3_000);
        List<String> backward = new ArrayList<>();
        for (int chunk = 2; chunk >= 0; chunk--) {
            backward.addAll(0, rows(b, chunk * 1_000L, chunk * 1_000L + 1_000));
        }
        assertThat(backward).isEqualTo(forward);
        assertThat(rows(generators(42, v).get(USERS), 0, 500)).isEqualTo(rows(generators(42, v).get(USERS), 0, 500));
        assertThat(rows(generators(43, v).get(ORDERS), 0, 3_000)).isNotEqualTo(forward);
    }

    @Test
    void keysAreUniqueByConstructionOnBigRanges() {
        long n = 300_000;
        Map<TableName, TableGenerator> g = generators(1, Volume.defaultRows(n).rows("orders", 30_000)
                .rows("follows", n));
        TableGenerator users = g.get(USERS);
        Set<String> emails = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (long r = 0; r < n; r++) {
            String email = users.value("email", r);
            assertThat(Values.length(email)).isLessThanOrEqualTo(12);
            emails.add(email);
            tokens.add(users.value("token", r));
            ids.add(users.value("id", r));
        }
        assertThat(emails).hasSize((int) n);
        assertThat(tokens).hasSize((int) n);
        assertThat(ids).hasSize((int) n);
        Set<String> pairs = new HashSet<>();
        TableGenerator follows = g.get(FOLLOWS);
        for (long r = 0; r < n; r++) {
            pairs.add(follows.value("a", r) + "/" + follows.value("b", r));
        }
        assertThat(pairs).as("composite key of two foreign keys").hasSize((int) n);
    }

    @Test
    void firstRowsHoldTheEdgeValues() {
        TableGenerator users = generators(5, Volume.defaultRows(100)).get(USERS);
        List<String> tags = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (long r = 0; r < 20; r++) {
            tags.add(users.value("tags", r));
            prices.add(users.value("price", r));
            profiles.add(users.value("profile", r));
        }
        assertThat(tags).contains(null, "{}", "{NULL}", "{\"\",NULL}");
        assertThat(prices).contains(null, "0", "999999.99", "-999999.99", "0.01").doesNotContain("NaN");
        assertThat(profiles).contains(null, "{}", "[]", "null");
        assertThat(users.value("created_at", 0)).as("NOT NULL: no NULL edge").isEqualTo("infinity");
    }

    @Test
    void reportsColumnsThatCannotHoldThatManyDistinctValues() {
        Table flags = Table.of(TableName.parse("flags"), List.of(
                Column.of("on", 1, ColumnType.of("boolean", TypeCategory.BOOLEAN), true),
                Column.of("code", 2, varchar(1), true)),
                List.of(UniqueKey.of("flags_pkey", UniqueKey.Kind.PRIMARY_KEY, "on"),
                        UniqueKey.of("flags_code_key", UniqueKey.Kind.UNIQUE_CONSTRAINT, "code")),
                List.of());
        LoadPlan plan = LoadPlanner.plan(new SchemaModel(List.of(flags)), Volume.defaultRows(100));
        assertThatThrownBy(() -> new GeneratorFactory(1, 0.01, CandidateFilter.NONE).build(plan, new ArrayList<>()))
                .isInstanceOf(DatagenException.class)
                .hasMessage("2 problems:\n"
                        + "  - public.flags.on: unique key flags_pkey needs 100 distinct values but boolean can hold "
                        + "only 2 (datagen makes them unique by construction). Fix: give public.flags at most 2 rows, "
                        + "or widen the column\n"
                        + "  - public.flags.code: unique key flags_code_key needs 100 distinct values but character "
                        + "varying(1) can hold only 36 (datagen makes them unique by construction). Fix: give "
                        + "public.flags at most 36 rows, or widen the column");
    }
}
