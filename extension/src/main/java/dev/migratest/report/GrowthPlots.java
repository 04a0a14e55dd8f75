package dev.migratest.report;

import java.util.List;

/**
 * Which benchmark curves belong to which migration of the report. A curve names its migration by version and, when
 * the benchmark was given one, by location; two histories in one run may both have a version 15, so a curve measured
 * on {@code filesystem:src/main/resources/db/unsafe} belongs only to the class whose migrations are at
 * {@code classpath:db/unsafe} — the same folder, seen from the build or from the classpath.
 */
final class GrowthPlots {

    private GrowthPlots() {
    }

    /** The plot of the migration's curves; empty when the benchmarks measured nothing of it. */
    static String of(GrowthCurves curves, ClassReport cls, ReportedMigration migration) {
        if (curves.isEmpty()) return "";
        String location = folder(cls.header().location());
        List<GrowthCurve> mine = curves.forMigration(migration.result().migration().version()).stream()
                .filter(c -> sameFolder(folder(c.params().getOrDefault("location", "")), location))
                .toList();
        return mine.isEmpty() ? "" : GrowthPlot.svg(mine);
    }

    private static boolean sameFolder(String measured, String rehearsed) {
        if (measured.isEmpty() || rehearsed.isEmpty()) return true;
        return measured.equals(rehearsed) || measured.endsWith("/" + rehearsed) || rehearsed.endsWith("/" + measured);
    }

    private static String folder(String location) {
        String path = location.replaceFirst("^(classpath|filesystem):", "").replace('\\', '/');
        // classpath:/db/x and classpath:db/x are the same folder
        if (location.startsWith("classpath:")) path = path.replaceFirst("^/+", "");
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return path.startsWith("./") ? path.substring(2) : path;
    }
}
