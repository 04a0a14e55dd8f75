package dev.migratest.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The growth curves of one lock-impact benchmark run, as written by {@code GrowthReport --json}: what the HTML report
 * draws with {@link GrowthPlot}. The file:
 * <pre>{@code
 * { "formatVersion": 1, "source": "lock-impact.json",
 *   "curves": [ { "migration": "15", "phase": "UP",
 *                 "benchmark": "dev.migratest.benchmarks.locks.MigrationBenchmark.migrate",
 *                 "params": { "location": "filesystem:db/migration", "seed": "1" },
 *                 "metric": "blocked.writesMs", "unit": "ms",
 *                 "points": [ { "rows": 10000, "value": 17.0 }, { "rows": 100000, "value": 102.5 } ],
 *                 "fit": { "model": "CONSTANT|LINEAR|N_LOG_N", "formula": "a + b·n", "a": 22.6, "b": 6.65E-4,
 *                          "rSquared": 0.999, "quality": "GOOD|POOR", "reason": "…" },
 *                 "prediction": { "table": "orders", "rows": 20000000, "value": 13316.0,
 *                                 "quality": "GOOD|POOR", "caveat": "…" } } ] }
 * }</pre>
 * {@code rSquared} is null for CONSTANT; {@code prediction} is null without a production row count, its
 * {@code value} null when the fit is too poor to predict from. Fields are only ever added, never renamed; a reader
 * ignores fields it does not know.
 */
public record GrowthCurves(String source, List<GrowthCurve> curves) {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param source the JMH result file the curves were fitted to, as the report should name it
     * @param curves in file order
     */
    public GrowthCurves {
        source = source == null ? "" : source;
        curves = List.copyOf(curves);
    }

    public static GrowthCurves empty() {
        return new GrowthCurves("", List.of());
    }

    /**
     * Reads a growth file. A file that does not exist gives no curves: benchmarks are optional. A file that exists
     * but cannot be used is an {@link IOException} naming the file and what is wrong with it.
     */
    public static GrowthCurves read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(describe(file) + "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException(describe(file) + "the file is empty");
        }
        try {
            return GrowthCurvesJson.fromJson(root);
        } catch (GrowthCurvesJson.Malformed e) {
            throw new IOException(describe(file) + e.getMessage(), e);
        }
    }

    /** Writes this as a growth file, creating its directory; returns the file. */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), GrowthCurvesJson.toJson(MAPPER, this));
        return file;
    }

    public boolean isEmpty() {
        return curves.isEmpty();
    }

    /** Migration version → its curves, migrations in order of first appearance. */
    public Map<String, List<GrowthCurve>> byMigration() {
        Map<String, List<GrowthCurve>> grouped = new LinkedHashMap<>();
        for (GrowthCurve curve : curves) {
            grouped.computeIfAbsent(curve.migration(), v -> new ArrayList<>()).add(curve);
        }
        grouped.replaceAll((version, list) -> List.copyOf(list));
        return grouped;
    }

    /** The curves of one migration ({@code Migration.version()}); empty when it was not benchmarked. */
    public List<GrowthCurve> forMigration(String version) {
        return curves.stream().filter(c -> c.migration().equals(version)).toList();
    }

    private static String describe(Path file) {
        return "growth results " + file + ": ";
    }
}
