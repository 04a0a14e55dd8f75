package dev.migratest.migration;

import java.util.List;

/**
 * What {@link MigrationLoader} read from one location.
 *
 * @param location     the location as given (e.g. {@code classpath:db/migration})
 * @param layout       the layout used: the one asked for, or the one detected for {@link Layout#AUTO}
 * @param migrations   the migrations in run order
 * @param skippedFiles files that are not migrations, each with why, e.g. {@code "README.md (not a migration:
 *                     documentation)"}; the caller logs them once
 * @param warnings     what the person running the tests must read before the results: a Java migration that leaves
 *                     a gap in the rehearsed history, Flyway placeholders without a value, configuration not read
 */
public record LoadedMigrations(String location, Layout layout, List<Migration> migrations, List<String> skippedFiles,
                               List<String> warnings) {
    public LoadedMigrations {
        migrations = List.copyOf(migrations);
        skippedFiles = List.copyOf(skippedFiles);
        warnings = List.copyOf(warnings);
    }

    public LoadedMigrations(String location, Layout layout, List<Migration> migrations, List<String> skippedFiles) {
        this(location, layout, migrations, skippedFiles, List.of());
    }
}
