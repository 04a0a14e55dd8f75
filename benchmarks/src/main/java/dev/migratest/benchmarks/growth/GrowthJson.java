package dev.migratest.benchmarks.growth;

import dev.migratest.report.GrowthCurve;
import dev.migratest.report.GrowthCurves;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The report's curves as the extension's {@link GrowthCurve}s, which {@link GrowthCurves#write} puts in the file the
 * HTML report reads: one set of records and one writer on both sides, so the format cannot drift. Only benchmarks
 * with a {@code migration} parameter become curves: the HTML report finds a plot by the migration's version.
 */
final class GrowthJson {
    static final String MIGRATION = "migration";
    static final String PHASE = "phase";
    /** {@code MigrationBenchmark}'s default: a run without a phase parameter measured UP. */
    static final String DEFAULT_PHASE = "UP";

    private GrowthJson() {
    }

    /** The curves, and a line per benchmark setting left out and why. */
    record Export(GrowthCurves curves, List<String> skipped) {
    }

    static Export of(GrowthReport report) {
        List<GrowthCurve> curves = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (GrowthReport.Section section : report.sections()) {
            Map<String, String> params = new TreeMap<>(section.key().params());
            String migration = params.remove(MIGRATION);
            if (migration == null || migration.isBlank()) {
                skipped.add(section.key().label() + ": no migration version in its parameters, so no report could "
                        + "match it (run MigrationBenchmark with -p migration=<version>)");
                continue;
            }
            String phase = Optional.ofNullable(params.remove(PHASE)).orElse(DEFAULT_PHASE);
            for (GrowthReport.Row row : section.rows()) {
                curves.add(new GrowthCurve(migration.strip(), phase, section.key().benchmark(), params, row.metric(),
                        row.unit(), points(row), fit(row.fit()),
                        row.prediction().map(p -> prediction(p, report.target().orElseThrow().table()))));
            }
        }
        return new Export(new GrowthCurves(report.source(), curves), List.copyOf(skipped));
    }

    private static List<GrowthCurve.Point> points(GrowthReport.Row row) {
        List<GrowthCurve.Point> points = new ArrayList<>();
        row.samples().forEach((rows, values) -> values.forEach(v -> points.add(new GrowthCurve.Point(rows, v))));
        return points;
    }

    static GrowthCurve.Fit fit(GrowthFit fit) {
        ModelFit chosen = fit.chosenFit();
        // CONSTANT's R² is NaN by construction: it says nothing, so the file says nothing.
        OptionalDouble r2 = fit.chosen() == GrowthModel.CONSTANT || !Double.isFinite(chosen.rSquared())
                ? OptionalDouble.empty() : OptionalDouble.of(chosen.rSquared());
        return new GrowthCurve.Fit(model(fit.chosen()), chosen.a(), chosen.b(), r2, quality(fit.quality()),
                fit.reason());
    }

    static GrowthCurve.Model model(GrowthModel model) {
        // By name: a model added here without its twin in the extension fails loudly (GrowthJsonTest covers all).
        return GrowthCurve.Model.valueOf(model.name());
    }

    private static GrowthCurve.Prediction prediction(Prediction p, String table) {
        return new GrowthCurve.Prediction(table, p.rows(), p.value(), quality(p.quality()), p.caveat());
    }

    private static GrowthCurve.Quality quality(Quality quality) {
        return GrowthCurve.Quality.valueOf(quality.name());
    }
}
