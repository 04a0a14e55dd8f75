package dev.migratest.schema;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is put down to a clock frozen at creation, and what stays a difference: on definitions as the catalog prints
 * them, no database.
 */
class FrozenClockTest {
    private static final List<String> NOW_SCRIPT = List.of("CREATE VIEW v AS SELECT * FROM t WHERE ts > 'now'::timestamp");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static String view(String literal) {
        return " SELECT t.id FROM t WHERE (t.ts > '" + literal + "'::timestamp without time zone);";
    }

    private static SchemaComparison compare(String before, String after, FrozenClock clock) {
        return SchemaDiff.compare(snapshot(before), snapshot(after), ColumnOrder.STRICT, clock);
    }

    private static SchemaSnapshot snapshot(String definition) {
        TreeMap<String, String> attributes = new TreeMap<>();
        attributes.put("definition", definition);
        return new SchemaSnapshot(List.of(new SchemaObject("view", "public.v", null, attributes)));
    }

    @Test
    void aNowTheViewFrozeIsANoteNamingBothLiteralsNotADifference() {
        SchemaComparison compared = compare(view("2026-12-07 10:00:00.123456"), view("2026-12-07 10:00:00.456789"),
                new FrozenClock(NOW_SCRIPT, MINUTE, "after the first UP"));

        assertThat(compared.differences()).isEmpty();
        assertThat(compared.notes()).containsExactly("view public.v: its definition froze the time it was created"
                + " ('now' became '2026-12-07 10:00:00.456789'::timestamp without time zone, was"
                + " '2026-12-07 10:00:00.123456' after the first UP); not a difference of the migration");
    }

    @Test
    void aRealChangeNextToTheFrozenClockIsStillADifference() {
        SchemaComparison compared = compare(view("2026-12-07 10:00:00.1"),
                view("2026-12-07 10:00:00.2").replace("t.id", "t.id, t.ts"),
                new FrozenClock(NOW_SCRIPT, MINUTE, "after the first UP"));

        assertThat(compared.notes()).isEmpty();
        assertThat(compared.differences()).singleElement().asString().startsWith("view public.v: definition ");
    }

    @Test
    void aLiteralThatChangedWithoutAClockWordInTheScriptIsADifference() {
        SchemaComparison compared = compare(view("2026-12-07 10:00:00.1"), view("2026-12-07 10:00:00.2"),
                new FrozenClock(List.of("CREATE VIEW v AS SELECT * FROM t WHERE ts > now()"), MINUTE, "before UP"));

        assertThat(compared.differences()).hasSize(1);
        assertThat(compared.notes()).isEmpty();
    }

    @Test
    void aLiteralThatMovedBackOrFurtherThanTheTimeThatPassedIsADifference() {
        FrozenClock clock = new FrozenClock(NOW_SCRIPT, MINUTE, "after the first UP");

        assertThat(compare(view("2026-12-07 10:00:00.2"), view("2026-12-07 10:00:00.1"), clock).differences()).hasSize(1);
        assertThat(compare(view("2026-12-07 10:00:00"), view("2026-12-07 10:05:00"), clock).differences()).hasSize(1);
        assertThat(compare(view("2025-01-01 00:00:00"), view("2026-01-01 00:00:00"), clock).differences()).hasSize(1);
    }

    @Test
    void aLiteralOfAnotherTypeOrStyleIsADifference() {
        FrozenClock clock = new FrozenClock(NOW_SCRIPT, MINUTE, "after the first UP");

        assertThat(compare(" SELECT '2026-12-07 10:00:00'::timestamp without time zone AS a;",
                " SELECT '2026-12-07 10:00:01'::timestamp with time zone AS a;", clock).differences()).hasSize(1);
        // DateStyle SQL, DMY is not what the snapshot reads under: not recognized
        assertThat(compare(" SELECT '07/12/2026 10:00:00'::timestamp without time zone AS a;",
                " SELECT '07/12/2026 10:00:01'::timestamp without time zone AS a;", clock).differences()).hasSize(1);
        assertThat(compare(" SELECT 'a'::text AS a;", " SELECT 'b'::text AS a;", clock).differences()).hasSize(1);
    }

    @Test
    void todayAcrossMidnightMovesByADayAndTimeZonesAndTimesOfDayAreRead() {
        FrozenClock today = new FrozenClock(List.of("CREATE VIEW v AS SELECT 'today'::date AS d, "
                + "'tomorrow'::timestamptz AS t, 'now'::time AS n"), Duration.ofSeconds(5), "after the first UP");

        SchemaComparison compared = compare(
                " SELECT '2026-12-07'::date AS d, '2026-12-08 00:00:00+00'::timestamp with time zone AS t,"
                        + " '23:59:59.9'::time without time zone AS n;",
                " SELECT '2026-12-08'::date AS d, '2026-12-09 00:00:00+00'::timestamp with time zone AS t,"
                        + " '00:00:01.2'::time without time zone AS n;", today);

        assertThat(compared.differences()).isEmpty();
        assertThat(compared.notes()).singleElement().asString().contains("('today', 'tomorrow', 'now' became '2026-12-08'::date, was '2026-12-07'; '2026-12-09");
        assertThat(compare(" SELECT '2026-12-07'::date AS d;", " SELECT '2026-12-10'::date AS d;", today).differences())
                .hasSize(1);
    }

    @Test
    void withoutAClockEveryDifferenceIsOne() {
        assertThat(SchemaDiff.between(snapshot(view("2026-12-07 10:00:00.1")), snapshot(view("2026-12-07 10:00:00.2")),
                ColumnOrder.STRICT)).hasSize(1);
    }
}
