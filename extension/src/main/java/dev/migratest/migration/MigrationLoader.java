package dev.migratest.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a folder of migrations in one of the {@link Layout}s into migrations in run order. Every problem in the whole
 * folder is collected and thrown at once as one {@link MigrationDefinitionException}.
 */
public final class MigrationLoader {

    private static final Comparator<DefinitionProblem> BY_PLACE = Comparator
            .comparing(DefinitionProblem::file)
            .thenComparing(DefinitionProblem::line, Comparator.nullsFirst(Comparator.naturalOrder()));

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
        return read(location, () -> MigrationLocation.resolve(location), layout, allowForwardOnly,
                ToolSettings.fromEnvironment());
    }

    /** Like {@link #load(String, Layout, boolean)} for a directory on any file system (a jar's too). */
    public static LoadedMigrations load(Path dir, Layout layout, boolean allowForwardOnly) {
        return load(dir, layout, allowForwardOnly, ToolSettings.fromEnvironment());
    }

    /** With the tools' settings given rather than read from this JVM ({@link ToolSettings#fromEnvironment()}). */
    static LoadedMigrations load(Path dir, Layout layout, boolean allowForwardOnly, ToolSettings settings) {
        return read(dir.toString(), () -> MigrationLocation.of(dir.toString(), dir), layout, allowForwardOnly,
                settings);
    }

    private static LoadedMigrations read(String location, Supplier<MigrationLocation> resolve, Layout layout,
                                         boolean allowForwardOnly, ToolSettings settings) {
        try (MigrationLocation resolved = resolve.get()) {
            return load(location, resolved.root(), layout, allowForwardOnly, settings);
        } catch (IOException closing) {
            throw new MigrationDefinitionException(location, List.of(new DefinitionProblem(location, null,
                    "a jar that could not be closed (" + closing.getMessage() + ")", "a readable jar",
                    "check the jar that holds the migrations")));
        }
    }

    private static LoadedMigrations load(String location, Path root, Layout layout, boolean allowForwardOnly,
                                         ToolSettings settings) {
        MigrationFolder folder;
        try {
            folder = MigrationFolder.list(root);
        } catch (IOException e) {
            throw new MigrationDefinitionException(location, List.of(new DefinitionProblem(location, null,
                    "a directory that cannot be listed (" + e + ")", "a readable directory of migrations",
                    "check its permissions")));
        }
        LayoutReader reader = layout == Layout.AUTO ? LayoutDetector.detect(location, folder) : Layouts.of(layout);
        Collected collected = new Collected();
        reader.read(folder, settings, collected);
        List<Migration> migrations = MigrationAssembler.assemble(reader, collected, allowForwardOnly);
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
        return new LoadedMigrations(location, reader.layout(), migrations, skipped);
    }
}
