package dev.migratest.migration;

import java.util.Optional;

/** One migrations layout: how its files are recognised, read into up and down parts, and what a missing half means. */
interface LayoutReader {

    /** The end of every "up without down" fix: the way out for migrations that are forward-only on purpose. */
    String OR_FORWARD_ONLY = ", or set allowForwardOnly to accept migrations without a down";

    Layout layout();

    /** The correct form of a migration in words, e.g. {@code V<version>__<description>.sql}. */
    String form();

    /** A file or directory that shows the folder is in this layout (for {@link Layout#AUTO}), if any. */
    Optional<String> evidence(MigrationFolder folder);

    /** Reads every file: parts for migrations, problems for misnamed or broken ones, skips for the rest. */
    void read(MigrationFolder folder, Collected out);

    /** As {@link #read(MigrationFolder, Collected)}, under the tools' settings (Flyway's mixed, …) where they matter. */
    default void read(MigrationFolder folder, ToolSettings settings, Collected out) {
        read(folder, out);
    }

    /** The problem for an up that has no down (when forward-only migrations are not allowed). */
    DefinitionProblem missingDown(Part up);

    /** The problem for a down that has no up. */
    DefinitionProblem missingUp(Part down);
}
