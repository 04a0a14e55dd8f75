package dev.migratest.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads a folder of migrations in one of the {@link Layout}s into migrations in run order. Every problem in the whole
 * folder is collected and thrown at once as one {@link MigrationDefinitionException}.
 */
public final class MigrationLoader {

    private static final Comparator<DefinitionProblem> BY_PLACE = Comparator
            .comparing(DefinitionProblem::file)
            .thenComparing(DefinitionProblem::line, Comparator.nullsFirst(Comparator.naturalOrder()));
    /** Spring Boot replaces {@code {vendor}} in {@code spring.flyway.locations} with the database's name. */
    private static final String VENDOR = "{vendor}";

    private MigrationLoader() {
    }

    /**
     * @param location         {@code "classpath:db/migration"}, {@code "filesystem:some/dir"}, or a plain path (file
     *                         system first, then classpath); classpath directories may lie inside a jar
     * @param layout           the folder's layout, or {@link Layout#AUTO} to detect it
     * @param allowForwardOnly accept migrations without a down ({@link Migration#down()} is then {@code null})
     * @throws MigrationDefinitionException listing every problem found
     */
    public static LoadedMigrations load(String location, Layout layout, boolean allowForwardOnly) {
        return load(location, LoadOptions.of(layout, allowForwardOnly));
    }

    /**
     * @param location comma-separated locations are read as one Flyway history, as Flyway reads its
     *                 {@code locations}; a {@code classpath:} location is read in every class path entry that holds
     *                 it when its layout is Flyway's (Flyway scans them all), else in the first
     * @throws MigrationDefinitionException listing every problem found
     */
    public static LoadedMigrations load(String location, LoadOptions options) {
        List<String> locations = new ArrayList<>();
        for (String one : location.split(",")) {
            if (!one.isBlank()) locations.add(one.strip().replace(VENDOR, "postgresql"));
        }
        if (locations.isEmpty()) locations.add(location);
        List<MigrationLocation> opened = new ArrayList<>();
        try {
            List<Map.Entry<String, MigrationFolder>> folders = new ArrayList<>();
            List<DefinitionProblem> problems = new ArrayList<>();
            for (String one : locations) {
                String prefix = locations.size() == 1 ? "" : one + "/";
                try {
                    for (MigrationLocation resolved : MigrationLocation.resolveAll(one)) {
                        opened.add(resolved);
                        folders.add(new AbstractMap.SimpleEntry<>(prefix, list(one, resolved.root())));
                    }
                } catch (MigrationDefinitionException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) throw new MigrationDefinitionException(location, problems);
            return load(location, folders, locations.size(), options);
        } finally {
            for (MigrationLocation resolved : opened) {
                close(location, resolved);
            }
        }
    }

    /**
     * The locations a project gives Flyway in its own configuration: {@code spring.flyway.locations} of an
     * {@code application.properties} or {@code .yml} on the class path, else {@code flyway.locations} of a
     * {@code flyway.conf}; empty when it gives none.
     */
    public static java.util.Optional<String> flywayLocations() {
        return FlywayConfig.configuredLocations();
    }

    /** Like {@link #load(String, Layout, boolean)} for a directory on any file system (a jar's too). */
    public static LoadedMigrations load(Path dir, Layout layout, boolean allowForwardOnly) {
        return load(dir, LoadOptions.of(layout, allowForwardOnly));
    }

    /** Like {@link #load(String, LoadOptions)} for a directory on any file system (a jar's too). */
    public static LoadedMigrations load(Path dir, LoadOptions options) {
        try (MigrationLocation resolved = MigrationLocation.of(dir.toString(), dir)) {
            MigrationFolder folder = list(dir.toString(), resolved.root());
            return load(dir.toString(), List.of(new AbstractMap.SimpleEntry<>("", folder)), 1, options);
        } catch (IOException closing) {
            throw unclosable(dir.toString(), closing);
        }
    }

    private static void close(String location, MigrationLocation resolved) {
        try {
            resolved.close();
        } catch (IOException closing) {
            throw unclosable(location, closing);
        }
    }

    private static MigrationDefinitionException unclosable(String location, IOException closing) {
        return new MigrationDefinitionException(location, List.of(new DefinitionProblem(location, null,
                "a jar that could not be closed (" + closing.getMessage() + ")", "a readable jar",
                "check the jar that holds the migrations")));
    }

    private static MigrationFolder list(String location, Path root) {
        try {
            return MigrationFolder.list(root);
        } catch (IOException e) {
            throw new MigrationDefinitionException(location, List.of(new DefinitionProblem(location, null,
                    "a directory that cannot be listed (" + e + ")", "a readable directory of migrations",
                    "check its permissions")));
        }
    }

    private static LoadedMigrations load(String location, List<Map.Entry<String, MigrationFolder>> folders,
                                         int locations, LoadOptions options) {
        MigrationFolder all = folders.size() == 1 ? folders.get(0).getValue() : MigrationFolder.union(folders);
        LayoutReader reader = reader(location, all, options);
        MigrationFolder folder = all;
        if (reader.layout() != Layout.FLYWAY) {
            if (locations > 1) {
                throw new MigrationDefinitionException(location, List.of(new DefinitionProblem(location, null,
                        locations + " locations for layout " + reader.layout(),
                        "one location (only Flyway reads several locations as one history)",
                        "name the one directory that holds the migrations")));
            }
            // the other tools read one directory: the first class path entry that holds it, as before
            folder = folders.get(0).getValue();
        }
        Collected collected = new Collected();
        reader.read(folder, collected);
        List<Migration> migrations = MigrationAssembler.assemble(reader, collected, options.allowForwardOnly());
        List<DefinitionProblem> problems = new ArrayList<>(collected.problems());
        if (migrations.isEmpty() && problems.isEmpty()) {
            problems.add(LayoutDetector.noMigrations(location, List.of(reader), folder.files()));
        }
        if (!problems.isEmpty()) {
            problems.sort(BY_PLACE);
            throw new MigrationDefinitionException(location, problems);
        }
        List<String> skipped = new ArrayList<>(collected.skipped());
        skipped.sort(Comparator.naturalOrder());
        return new LoadedMigrations(location, reader.layout(), migrations, skipped, collected.warnings());
    }

    private static LayoutReader reader(String location, MigrationFolder folder, LoadOptions options) {
        Layout layout = options.effectiveLayout();
        if (layout == Layout.PATTERN) {
            if (options.naming() == null) {
                throw new MigrationDefinitionException(location, List.of(new DefinitionProblem(location, null,
                        "layout PATTERN without a naming pattern", "a naming pattern with the named groups version,"
                                + " name and direction, e.g. " + NamingPattern.EXAMPLE,
                        "set @MigrationTest(naming = …) or the property migratest.naming")));
            }
            return new PatternLayout(options.naming());
        }
        LayoutReader reader = layout == Layout.AUTO ? LayoutDetector.detect(location, folder) : Layouts.of(layout);
        // Flyway's scripts say what its configuration makes of them: read it only for a Flyway folder
        return reader.layout() == Layout.FLYWAY ? new FlywayLayout(FlywayConfig.read(options.placeholders())) : reader;
    }
}
