package dev.migratest.report;

/**
 * What the report says about where the rehearsal ran.
 *
 * @param postgresVersion e.g. {@code 17.6}
 * @param provider        embedded, container or external
 * @param location        the migrations location as configured, prefixed to each file to form {@code source}
 */
public record ReportHeader(String postgresVersion, String provider, String location) {

    String sourceOf(String file) {
        // several locations: each file's name starts with its own location already
        if (location.contains(",")) return file.replaceFirst("^(classpath|filesystem):", "");
        String base = location.replaceFirst("^(classpath|filesystem):", "");
        if (base.isEmpty()) return file;
        return base.endsWith("/") ? base + file : base + "/" + file;
    }
}
