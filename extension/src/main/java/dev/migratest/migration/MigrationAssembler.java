package dev.migratest.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairs up and down parts by version, reports duplicates and missing halves, and puts migrations in run order. An
 * up without a statement is a migration like any other: Flyway, golang-migrate, goose, dbmate, sqlx and sql-migrate
 * all run it as a no-op (histories keep such migrations after squashes), so it loads and is reported as a no-op.
 */
final class MigrationAssembler {

    private MigrationAssembler() {
    }

    static List<Migration> assemble(LayoutReader layout, Collected parts, boolean allowForwardOnly) {
        Set<String> upFiles = new HashSet<>();
        parts.ups().forEach(up -> upFiles.add(up.file()));
        Map<VersionKey, Part> ups = byVersion(parts.ups(), Set.of(), parts);
        Map<VersionKey, Part> downs = byVersion(parts.downs(), upFiles, parts);
        List<Migration> migrations = new ArrayList<>();
        for (Part up : ups.values()) {
            Part down = downs.get(up.key());
            if (up.kind() == Migration.Kind.JAVA) {
                // its own class undoes it, if anything does: no SQL down is missing
                migrations.add(new Migration(up.version(), up.name(), up.script(), null, Migration.Kind.JAVA));
                continue;
            }
            if (down == null && !allowForwardOnly) {
                parts.problem(layout.missingDown(up));
            }
            migrations.add(new Migration(up.version(), up.name(), up.script(), down == null ? null : down.script()));
        }
        for (Part down : downs.values()) {
            if (!ups.containsKey(down.key())) {
                parts.problem(layout.missingUp(down));
            }
        }
        migrations.addAll(repeatables(parts));
        return migrations;
    }

    /**
     * Flyway's repeatables after every versioned migration, ordered by description as Flyway orders them
     * ({@code ResolvedMigrationComparator}: {@code String.compareTo} of the descriptions, {@code _} read as a space);
     * two with one description are a problem, as in Flyway.
     */
    private static List<Migration> repeatables(Collected parts) {
        Map<String, Part> byDescription = new TreeMap<>();
        for (Part part : parts.repeatables()) {
            Part first = byDescription.putIfAbsent(part.name().replace('_', ' '), part);
            if (first != null) {
                parts.problem(part.file(), null, "the description " + part.name() + ", which " + first.file()
                                + " already has", "one repeatable migration per description",
                        "give " + part.file() + " or " + first.file() + " another description");
            }
        }
        List<Migration> repeatables = new ArrayList<>();
        for (Part part : byDescription.values()) {
            repeatables.add(new Migration(part.version(), part.name(), part.script(), null, part.kind()));
        }
        return repeatables;
    }

    /**
     * The parts in version order, the first of each version kept; every further one is a duplicate problem naming both
     * files, unless it lives in a file whose up was already reported (marker layouts keep both halves in one file).
     */
    private static Map<VersionKey, Part> byVersion(List<Part> list, Set<String> reportedFiles, Collected out) {
        Map<VersionKey, Part> byVersion = new TreeMap<>();
        for (Part part : list) {
            Part first = byVersion.putIfAbsent(part.key(), part);
            if (first != null && !reportedFiles.contains(part.file())) {
                out.problem(part.file(), null,
                        "version " + part.version() + ", which " + first.file() + " already has",
                        "one migration per version",
                        "give " + part.file() + " or " + first.file() + " another version");
            }
        }
        return byVersion;
    }
}
