package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private static final long MS = 1_000_000L;
    private static final TableName ORDERS = TableName.parse("orders");

    private final AtomicLong clock = new AtomicLong(5_000 * MS);
    private final List<String> lines = new ArrayList<>();
    private final ConsoleProgress progress = new ConsoleProgress(clock::get, lines::add);

    private void at(long millis, long rows) {
        clock.set(5_000 * MS + millis * MS);
        progress.progressed(ORDERS, rows, 1_000_000, rows, 1_000_000);
    }

    @Test
    void formatsTotalsTheLoadUnderWayAndEta() {
        assertThat(ConsoleProgress.line(1_420_000, 4, 5.2) + ConsoleProgress.current("orders", 420_000, 1_000_000, 273_000))
                .isEqualTo("[datagen] 1 420 000 rows into 4 tables in 5.2 s, 273 077 rows/s;"
                        + " this load: 420 000 / 1 000 000 rows, ETA 3 s (orders)");
        assertThat(ConsoleProgress.line(10, 1, 0)).isEqualTo("[datagen] 10 rows into 1 table in 0.0 s, 0 rows/s");
        assertThat(ConsoleProgress.current("shop.users", 0, 10, 0)).isEqualTo("; this load: 0 / 10 rows (shop.users)");
        assertThat(ConsoleProgress.group(999)).isEqualTo("999");
        assertThat(ConsoleProgress.group(1_234_567_890L)).isEqualTo("1 234 567 890");
        assertThat(ConsoleProgress.duration(59)).isEqualTo("59 s");
        assertThat(ConsoleProgress.duration(185)).isEqualTo("3 min 5 s");
        assertThat(ConsoleProgress.duration(7_260)).isEqualTo("2 h 1 min");
    }

    @Test
    void quietDuringTheFirstSecondThenAtMostEveryTwoSeconds() {
        progress.started(1_000_000);
        at(100, 10_000);
        at(999, 100_000);
        assertThat(lines).isEmpty();
        at(1_000, 310_000);
        assertThat(lines).containsExactly("[datagen] 310 000 rows into 1 table in 1.0 s, 310 000 rows/s;"
                + " this load: 310 000 / 1 000 000 rows, ETA 3 s (orders)");
        at(1_500, 400_000);
        at(2_999, 500_000);
        assertThat(lines).hasSize(1);
        at(3_000, 600_000);
        assertThat(lines).hasSize(2).last().asString()
                .startsWith("[datagen] 600 000 rows into 1 table in 3.0 s, 200 000 rows/s; this load: 600 000 / 1 000 000");
        at(3_100, 1_000_000); // the last row: the closing line says it
        assertThat(lines).hasSize(2);
        clock.set(5_000 * MS + 4_000 * MS);
        progress.finished(1_000_000);
        assertThat(lines).hasSize(3).last().isEqualTo("[datagen] 1 000 000 rows into 1 table in 4.0 s, 250 000 rows/s");
    }

    @Test
    void aShortLoadPrintsNothing() {
        progress.started(1_000_000);
        at(300, 500_000);
        at(900, 1_000_000);
        progress.finished(1_000_000);
        assertThat(lines).isEmpty();
    }

    /**
     * A test class tops its tables up before each migration: five loads of 100 000 rows, 400 ms each, with a
     * migration running between them. No load reaches a second, their sum does: the run is shown from then on.
     */
    @Test
    void shortLoadsOfOneRunAreShownOnceTheyHaveTakenASecondTogether() {
        long loadMs = 400;
        long gapMs = 1_500;
        for (int load = 0; load < 5; load++) {
            long start = load * (loadMs + gapMs);
            TableName table = new TableName("public", "t" + load);
            clock.set(5_000 * MS + start * MS);
            progress.started(100_000);
            for (long ms = 100; ms < loadMs; ms += 100) {
                clock.set(5_000 * MS + (start + ms) * MS);
                progress.progressed(table, ms * 250, 100_000, ms * 250, 100_000);
            }
            clock.set(5_000 * MS + (start + loadMs) * MS);
            progress.finished(100_000);
        }

        assertThat(lines).as("the time between loads is not loading time").containsExactly(
                // the third load, 200 ms in: 1.0 s of loading in total
                "[datagen] 250 000 rows into 3 tables in 1.0 s, 250 000 rows/s; this load: 50 000 / 100 000 rows, ETA 1 s (t2)",
                // a load that printed ends with the totals
                "[datagen] 300 000 rows into 3 tables in 1.2 s, 250 000 rows/s",
                // the fourth load is over 1.9 s after the line above, too soon for another; the fifth is not
                "[datagen] 425 000 rows into 5 tables in 1.7 s, 250 000 rows/s; this load: 25 000 / 100 000 rows, ETA 1 s (t4)",
                "[datagen] 500 000 rows into 5 tables in 2.0 s, 250 000 rows/s");
    }

    @Test
    void aFailedLoadStillCountsWhatItWroteAndTheTimeItTook() {
        progress.started(1_000_000);
        at(600, 30_000); // this load fails after this: finished() is never called
        clock.set(5_000 * MS + 2_000 * MS);
        progress.started(100_000);
        clock.set(5_000 * MS + 2_500 * MS);
        progress.progressed(ORDERS, 50_000, 100_000, 50_000, 100_000);

        assertThat(lines).containsExactly(
                "[datagen] 80 000 rows into 2 tables in 1.1 s, 72 727 rows/s; this load: 50 000 / 100 000 rows, ETA 1 s (orders)");
    }

    @Test
    void redrawsOnATerminalPlainLinesElsewhereRarerOnCiOffOnRequest() {
        assertThat(ConsoleProgress.Mode.of(null, null, true)).isEqualTo(ConsoleProgress.Mode.TERMINAL);
        assertThat(ConsoleProgress.Mode.of(null, null, false)).isEqualTo(ConsoleProgress.Mode.PLAIN);
        assertThat(ConsoleProgress.Mode.of(null, "", false)).isEqualTo(ConsoleProgress.Mode.PLAIN);
        assertThat(ConsoleProgress.Mode.of(null, "false", true)).isEqualTo(ConsoleProgress.Mode.TERMINAL);
        assertThat(ConsoleProgress.Mode.of(null, "true", true)).isEqualTo(ConsoleProgress.Mode.CI);
        assertThat(ConsoleProgress.Mode.of("true", "1", false)).isEqualTo(ConsoleProgress.Mode.CI);
        assertThat(ConsoleProgress.Mode.of("false", null, true)).isNull();
        assertThat(ConsoleProgress.Mode.of(" FALSE ", "true", false)).isNull();
    }

    @Test
    void onATerminalTheLineRedrawsInPlaceAndEndsOnce() {
        List<String> printed = new ArrayList<>();
        ConsoleProgress terminal = new ConsoleProgress(clock::get, printed::add, ConsoleProgress.Mode.TERMINAL);
        terminal.started(1_000_000);
        for (long ms : new long[] {1_000, 1_200, 1_500}) {
            clock.set(5_000 * MS + ms * MS);
            terminal.progressed(ORDERS, ms * 100, 1_000_000, ms * 100, 1_000_000);
        }
        clock.set(5_000 * MS + 2_000 * MS);
        terminal.finished(1_000_000);

        // 1 000 ms and 1 500 ms are half a second apart; 1 200 ms is skipped
        assertThat(printed).hasSize(3);
        assertThat(printed).allMatch(text -> text.startsWith("\r[datagen] "));
        assertThat(String.join("", printed)).containsOnlyOnce(System.lineSeparator()).endsWith(System.lineSeparator());
        assertThat(printed.get(1)).startsWith("\r[datagen] 150 000 rows into 1 table in 1.5 s");
    }

    @Test
    void onATerminalEachLoadEndsTheLineItDrewSoThatOtherOutputStartsOnALineOfItsOwn() {
        List<String> printed = new ArrayList<>();
        ConsoleProgress terminal = new ConsoleProgress(clock::get, printed::add, ConsoleProgress.Mode.TERMINAL);
        for (int load = 0; load < 3; load++) {
            long start = load * 1_000L;
            clock.set(5_000 * MS + start * MS);
            terminal.started(100_000);
            clock.set(5_000 * MS + (start + 600) * MS);
            terminal.progressed(ORDERS, 60_000, 100_000, 60_000, 100_000);
            clock.set(5_000 * MS + (start + 800) * MS);
            terminal.finished(100_000);
        }

        // load 1 is under a second; load 2 draws at 1.2 s of loading and ends its line; load 3 draws and ends its own
        assertThat(printed).containsExactly(
                "\r[datagen] 160 000 rows into 2 tables in 1.4 s, 114 286 rows/s; this load: 60 000 / 100 000 rows, ETA 1 s (orders)",
                "\r[datagen] 200 000 rows into 2 tables in 1.6 s, 125 000 rows/s"
                        + " ".repeat(52) + System.lineSeparator(),
                "\r[datagen] 260 000 rows into 3 tables in 2.2 s, 118 182 rows/s; this load: 60 000 / 100 000 rows, ETA 1 s (orders)",
                "\r[datagen] 300 000 rows into 3 tables in 2.4 s, 125 000 rows/s"
                        + " ".repeat(52) + System.lineSeparator());
    }

    @Test
    void onCiAPlainLineEveryTenSeconds() {
        List<String> printed = new ArrayList<>();
        ConsoleProgress ci = new ConsoleProgress(clock::get, printed::add, ConsoleProgress.Mode.CI);
        ci.started(1_000_000);
        for (long s = 1; s <= 21; s++) {
            clock.set(5_000 * MS + s * 1_000 * MS);
            ci.progressed(ORDERS, s * 10_000, 1_000_000, s * 10_000, 1_000_000);
        }
        assertThat(printed).hasSize(3).allMatch(line -> !line.contains("\r") && !line.contains("\n"));
    }

    @Test
    void counterReportsEveryChunkAndEachTablesLastRow() {
        List<String> heard = new ArrayList<>();
        ProgressCounter counter = new ProgressCounter((table, tableRows, tableTarget, loadRows, loadTarget) ->
                heard.add(table.name() + " " + tableRows + "/" + tableTarget + " " + loadRows + "/" + loadTarget), 10_000);
        StringBuilder out = new StringBuilder();
        RowReader.RowWriter a = counter.counting(TableName.parse("a"), 5_000, (row, sb) -> sb.append(row).append('\n'));
        RowReader.RowWriter b = counter.counting(TableName.parse("b"), 5_000, (row, sb) -> { });
        for (long r = 0; r < 5_000; r++) {
            a.append(r, out);
            b.append(r, out);
        }
        assertThat(heard).containsExactly("a 4096/5000 4096/10000", "b 4096/5000 8192/10000",
                "a 5000/5000 9096/10000", "b 5000/5000 10000/10000");
        assertThat(out).startsWith("0\n1\n2\n");
        assertThat(new ProgressCounter(LoadProgress.NONE, 1).counting(TableName.parse("a"), 1, (row, sb) -> { }))
                .as("no wrapper when nobody listens").isNotNull();
    }
}
