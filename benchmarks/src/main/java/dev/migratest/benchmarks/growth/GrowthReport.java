package dev.migratest.benchmarks.growth;

import dev.migratest.benchmarks.growth.JmhResults.GroupKey;
import dev.migratest.benchmarks.growth.JmhResults.Metric;
import dev.migratest.benchmarks.growth.JmhResults.Run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * From a JMH JSON of one migration measured at several table volumes ({@code @Param rows}), fits how the duration
 * and every secondary metric ending in {@code Ms} (lock hold and blocked times) grow, and predicts them at the
 * production row count. Prints a table per benchmark and parameter setting, and writes the same as Markdown next to
 * the JSON ({@code results.json} → {@code results-growth.md}). With {@code --json growth.json} it also writes the
 * curves in the format the HTML report draws its growth plots from ({@code dev.migratest.report.GrowthCurves}).
 * <p>
 * Usage: {@code java -cp benchmarks/target/migratest-benchmarks.jar dev.migratest.benchmarks.growth.GrowthReport
 * results.json [--production orders=5000000,users=800000] [--production-csv production-rows.csv]
 * [--table orders] [--json target/migratest/growth.json]}. See {@link ProductionRows} for the CSV and how the table is chosen, {@link GrowthFit} for the
 * model choice and the verdicts.
 */
public final class GrowthReport {
    static final String DURATION = "duration";
    private static final String USAGE = "usage: GrowthReport results.json [--production table=rows,...] "
            + "[--production-csv file] [--table name] [--json growth.json]";

    private final List<Section> sections;
    private final Optional<ProductionRows.Target> target;
    private final String source;

    /**
     * One metric's curve: its score per volume (what is fitted), every iteration's value per volume (what a plot
     * shows), the fit, and the prediction if there is a production count.
     */
    record Row(String metric, String unit, Map<Long, Double> values, Map<Long, List<Double>> samples, GrowthFit fit,
               Optional<Prediction> prediction) {
    }

    /** One benchmark at one parameter setting: the volumes it was measured at and a row per metric. */
    record Section(GroupKey key, List<Long> volumes, List<Row> rows) {
    }

    private GrowthReport(String source, List<Section> sections, Optional<ProductionRows.Target> target) {
        this.source = source;
        this.sections = sections;
        this.target = target;
    }

    public static void main(String[] args) throws IOException {
        Path json;
        ProductionRows production = ProductionRows.empty();
        Optional<String> table = Optional.empty();
        Optional<Path> curvesFile = Optional.empty();
        try {
            json = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--production" -> production = production.with(ProductionRows.parse(value(args, ++i)));
                    // The export first, then what was typed: typed counts override.
                    case "--production-csv" -> production = ProductionRows.readCsv(Path.of(value(args, ++i)))
                            .with(production);
                    case "--table" -> table = Optional.of(value(args, ++i));
                    case "--json" -> curvesFile = Optional.of(Path.of(value(args, ++i)));
                    default -> {
                        if (args[i].startsWith("--") || json != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        json = Path.of(args[i]);
                    }
                }
            }
            if (json == null) {
                throw new IllegalArgumentException("no JMH results file given");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        GrowthReport report = of(json.getFileName().toString(), JmhResults.read(json), production.target(table));
        System.out.print(report.toText());
        Path markdown = markdownPath(json);
        Files.writeString(markdown, report.toMarkdown(), StandardCharsets.UTF_8);
        System.out.println("Markdown: " + markdown);
        if (curvesFile.isPresent()) {
            GrowthJson.Export export = GrowthJson.of(report);
            export.curves().write(curvesFile.get());
            Set<String> migrations = export.curves().byMigration().keySet();
            System.out.println("Growth curves (JSON, for the HTML report): " + curvesFile.get() + ", "
                    + export.curves().curves().size() + " curves of migration" + (migrations.size() == 1 ? " " : "s ")
                    + String.join(", ", migrations));
            export.skipped().forEach(s -> System.out.println("  not in the JSON: " + s));
        }
    }

    static GrowthReport of(String source, List<Run> runs, Optional<ProductionRows.Target> target) {
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<GroupKey, List<Run>> group : JmhResults.group(runs).entrySet()) {
            sections.add(section(group.getKey(), group.getValue(), target));
        }
        return new GrowthReport(source, sections, target);
    }

    List<Section> sections() {
        return sections;
    }

    Optional<ProductionRows.Target> target() {
        return target;
    }

    String source() {
        return source;
    }

    static Path markdownPath(Path json) {
        String name = json.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(stem + "-growth.md");
    }

    private static Section section(GroupKey key, List<Run> runs, Optional<ProductionRows.Target> target) {
        // Metric name → volume → score; the duration first, then the time metrics in name order.
        Map<String, SortedMap<Long, Double>> series = new java.util.LinkedHashMap<>();
        Map<String, Map<Long, List<Double>>> samples = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        TreeSet<String> secondaryNames = new TreeSet<>();
        runs.forEach(run -> run.secondary().keySet().stream().filter(n -> n.endsWith("Ms")).forEach(secondaryNames::add));
        series.put(DURATION, new TreeMap<>());
        secondaryNames.forEach(name -> series.put(name, new TreeMap<>()));
        TreeSet<Long> volumes = new TreeSet<>();
        for (Run run : runs) {
            long rows = Long.parseLong(run.params().get(JmhResults.ROWS).strip().replace("_", ""));
            volumes.add(rows);
            put(series.get(DURATION), samples.computeIfAbsent(DURATION, k -> new TreeMap<>()), units, DURATION, rows,
                    run.primary());
            for (String name : secondaryNames) {
                Metric metric = run.secondary().get(name);
                if (metric != null) {
                    put(series.get(name), samples.computeIfAbsent(name, k -> new TreeMap<>()), units, name, rows,
                            metric);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        series.forEach((name, values) -> {
            if (values.isEmpty()) {
                return;
            }
            List<Point> points = values.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
            String unit = units.getOrDefault(name, "");
            GrowthFit fit = GrowthFit.fit(points, noiseFloor(unit));
            rows.add(new Row(name, unit, values, samples.get(name), fit, target.map(t -> fit.predict(t.rows()))));
        });
        return new Section(key, List.copyOf(volumes), rows);
    }

    private static void put(Map<Long, Double> values, Map<Long, List<Double>> samples, Map<String, String> units,
                            String name, long rows, Metric m) {
        // A NaN or infinite score is a failed measurement, not a value to fit.
        if (Double.isFinite(m.score())) {
            values.put(rows, m.score());
            units.putIfAbsent(name, m.unit());
            boolean allFinite = !m.samples().isEmpty() && m.samples().stream().allMatch(Double::isFinite);
            samples.put(rows, allFinite ? m.samples() : List.of(m.score()));
        }
    }

    /**
     * One millisecond, in the metric's unit: differences below it are timer and scheduling noise, and no production
     * decision hangs on them; a lock held 0.2 ms at 10k rows and 0.9 ms at 1M rows has not "grown".
     */
    static double noiseFloor(String unit) {
        String base = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (base) {
            case "ns" -> 1e6;
            case "us" -> 1e3;
            case "ms" -> 1;
            case "s" -> 1e-3;
            default -> 0;
        };
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Growth and prediction from ").append(source).append('\n');
        out.append(targetLine()).append("\n\n");
        for (Section section : sections) {
            out.append(section.key().label()).append('\n');
            out.append(table(section).toText());
            notes(section).forEach(note -> out.append("  * ").append(note).append('\n'));
            out.append('\n');
        }
        if (sections.isEmpty()) {
            out.append("No benchmark with a 'rows' parameter: nothing to fit.\n");
        }
        return out.toString();
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Growth and prediction\n\n");
        out.append("From `").append(source).append("`. ").append(targetLine()).append("\n\n");
        out.append("Models: constant (y = a), linear (y = a + b·n), n log n (y = a + b·n·ln n); the simplest wins "
                + "unless a growth model is significantly better (F-test, 95 %). R² is the chosen growth model's; "
                + "a constant shows its spread around the mean instead.\n\n");
        for (Section section : sections) {
            out.append("## ").append(section.key().label()).append("\n\n");
            out.append(table(section).toMarkdown()).append('\n');
            notes(section).forEach(note -> out.append("- ").append(note).append('\n'));
            out.append('\n');
        }
        if (sections.isEmpty()) {
            out.append("No benchmark with a `rows` parameter: nothing to fit.\n");
        }
        return out.toString();
    }

    private String targetLine() {
        if (target.isEmpty()) {
            return "No production row counts given (--production or --production-csv): no predictions.";
        }
        ProductionRows.Target t = target.get();
        String line = String.format(Locale.ROOT, "Predicting at %s: %s rows.", t.table(), Format.rows(t.rows()));
        return t.note().isEmpty() ? line : line + " Note: " + t.note() + ".";
    }

    private Table table(Section section) {
        List<String> header = new ArrayList<>(List.of("metric", "unit"));
        section.volumes().forEach(v -> header.add(Format.rows(v)));
        header.addAll(List.of("model", "R²", "verdict"));
        target.ifPresent(t -> header.add("at " + Format.rows(t.rows())));
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, true);
        numeric[0] = false; // metric
        numeric[1] = false; // unit
        numeric[2 + section.volumes().size()] = false; // model
        numeric[4 + section.volumes().size()] = false; // verdict
        Table table = new Table(header, numeric);
        for (Row row : section.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.metric(), row.unit()));
            section.volumes().forEach(v -> cells.add(row.values().containsKey(v)
                    ? Format.value(row.values().get(v)) : "—"));
            GrowthFit fit = row.fit();
            cells.add(fit.chosen().label());
            cells.add(fitQuality(fit));
            cells.add(fit.quality().name());
            row.prediction().ifPresent(p -> cells.add(predictionCell(p)));
            table.add(cells);
        }
        return table;
    }

    /** R² for a growth model; for a constant, whose R² is meaningless, its spread around the mean. */
    private static String fitQuality(GrowthFit fit) {
        ModelFit chosen = fit.chosenFit();
        if (fit.chosen() != GrowthModel.CONSTANT) {
            return String.format(Locale.ROOT, "%.3f", chosen.rSquared());
        }
        if (chosen.a() == 0) {
            return "±" + Format.value(fit.spread());
        }
        return String.format(Locale.ROOT, "±%.0f%%", 100 * fit.spread() / Math.abs(chosen.a()));
    }

    private static String predictionCell(Prediction p) {
        if (p.value().isEmpty()) {
            return "too poor to predict";
        }
        String value = Format.value(p.value().getAsDouble());
        return p.quality() == Quality.GOOD ? value : "~" + value + " (unreliable)";
    }

    /**
     * The sentences behind the short cells: every verdict's reason except a plain GOOD constant, each growth model's
     * coefficients, and each prediction caveat once with the metrics it applies to.
     */
    private List<String> notes(Section section) {
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> caveats = new java.util.LinkedHashMap<>();
        for (Row row : section.rows()) {
            GrowthFit fit = row.fit();
            ModelFit chosen = fit.chosenFit();
            if (fit.quality() == Quality.POOR) {
                notes.add(row.metric() + ": POOR, " + fit.reason());
            } else if (fit.chosen() != GrowthModel.CONSTANT) {
                notes.add(String.format(Locale.ROOT, "%s: %s, a = %s, b = %.3g %s per row%s", row.metric(),
                        fit.chosen().formula(), Format.value(chosen.a()), chosen.b(), perOp(row.unit()),
                        fit.chosen() == GrowthModel.N_LOG_N ? "·ln(rows)" : ""));
            }
            fit.notes().forEach(n -> notes.add(row.metric() + ": " + n));
            row.prediction()
                    .filter(p -> p.value().isPresent() && !p.caveat().equals("within the measured range"))
                    .ifPresent(p -> caveats.computeIfAbsent(p.caveat(), c -> new ArrayList<>()).add(row.metric()));
        }
        target.ifPresent(t -> caveats.forEach((caveat, metrics) -> notes.add(
                String.join(", ", metrics) + " at " + Format.rows(t.rows()) + " rows: " + caveat)));
        return notes;
    }

    /** "ms/op" → "ms": the slope is per row, not per operation. */
    private static String perOp(String unit) {
        return unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
