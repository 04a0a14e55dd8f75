package dev.migratest.reliability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: a 100 MB migration (a data seed: a thousand multi-row INSERTs of a thousand rows each, with non-ASCII
 * text) is loaded, rehearsed up → down → up with tracing and the data check, and reported in JSON and HTML by a JVM
 * limited to 384 MB, less than the default heap of a 2 GB CI machine (a quarter of its memory: 512 MB). The limit is
 * below the 480 MB at which reading the file into one string ran out of memory, so the test fails unless the file is
 * streamed while it is split; the run passes down to 288 MB, which leaves a margin for the garbage collector's moods.
 * The file is written at test time. The time and the heap the child needed are printed, not asserted: they depend on
 * the machine. {@code -Dmigratest.huge.mb} and {@code -Dmigratest.huge.xmx} change the size and the limit, for
 * measuring.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HugeMigrationIT {
    private static final int ROWS_PER_STATEMENT = 1000;

    @TempDir
    Path dir;

    @Test
    void aHundredMegabyteSeedIsRehearsedAndReportedWithinTheDefaultHeap() throws Exception {
        int megabytes = Integer.getInteger("migratest.huge.mb", 100);
        String xmx = System.getProperty("migratest.huge.xmx", "384m");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL,"
                + " note text, amount numeric(12,2), born date);\n");
        Files.writeString(migrations.resolve("U1__create_t.sql"), "DROP TABLE t;\n");
        long size = writeSeed(migrations.resolve("V2__seed.sql"), megabytes * 1024L * 1024L);
        Files.writeString(migrations.resolve("U2__seed.sql"), "TRUNCATE t;\n");
        Path reports = dir.resolve("reports");
        Path output = dir.resolve("child.log");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-XX:-HeapDumpOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                HugeMigrationChild.class.getName(), dir.toString(), migrations.toString(), reports.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(540, TimeUnit.SECONDS);
        if (!ended) child.destroyForcibly().waitFor();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        System.out.println("HugeMigrationIT: " + size / (1024 * 1024) + " MB seed, child -Xmx" + xmx + ":");
        lines.stream().filter(l -> l.startsWith("STEP ") || l.startsWith("HEAP ") || l.startsWith("OUTCOME "))
                .forEach(l -> System.out.println("  " + l));

        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        assertThat(ended).as("the child ended within 540 s:\n%s", tail).isTrue();
        assertThat(child.exitValue()).as("the child's exit code; its output ends with:\n%s", tail).isZero();
        assertThat(outcomes(reports.resolve("HugeMigration.json"))).containsExactly("PASSED", "PASSED");
        assertThat(reports.resolve("report.html")).isNotEmptyFile();
    }

    /** Writes multi-row INSERTs of about 100 bytes a row until the file holds {@code bytes}; returns its size. */
    private static long writeSeed(Path file, long bytes) throws IOException {
        String[] names = {"Zoë Ångström", "José Núñez", "山田 太郎", "Łukasz Żółć", "Ἀριστοτέλης", "Ana O'Neil"};
        long written = 0;
        long id = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("-- seed data: " + bytes / (1024 * 1024) + " MB of rows\n");
            while (written < bytes) {
                StringBuilder statement = new StringBuilder(ROWS_PER_STATEMENT * 110);
                statement.append("INSERT INTO t (id, name, note, amount, born) VALUES\n");
                for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                    id++;
                    String name = names[(int) (id % names.length)].replace("'", "''");
                    statement.append(r == 0 ? "  (" : ", (").append(id).append(", '").append(name).append(' ')
                            .append(id).append("', ").append(id % 7 == 0 ? "NULL" : "'note " + Long.toHexString(
                                    id * 2654435761L) + " — naïve café; 1;2 -- not a comment'")
                            .append(", ").append(id % 100_000).append('.').append(id % 100 < 10 ? "0" : "")
                            .append(id % 100).append(", '2001-01-01'::date + ").append(id % 9000).append(")\n");
                }
                statement.append(";\n");
                String text = statement.toString();
                out.write(text);
                written += text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return Files.size(file);
    }

    /** Each migration's {@code outcome}, read as a stream: the report holds every statement's SQL. */
    private static List<String> outcomes(Path json) throws IOException {
        List<String> outcomes = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.getCurrentName().equals("outcome")) {
                    outcomes.add(parser.nextTextValue());
                }
            }
        }
        return outcomes;
    }
}
