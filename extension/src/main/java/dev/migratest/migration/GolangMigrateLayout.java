package dev.migratest.migration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate and sqlx: {@code <n>_<name>.up.sql} + {@code <n>_<name>.down.sql} at the top level, ordered by the
 * number; sqlx's plain {@code <n>_<name>.sql} is forward-only, and its first line {@code -- no-transaction} makes a
 * script non-transactional.
 */
final class GolangMigrateLayout implements LayoutReader {

    private static final Pattern REVERSIBLE = Pattern.compile("^(\\d+)_(.*)\\.(up|down)\\.sql$");
    private static final Pattern SIMPLE = Pattern.compile("^(\\d+)_(.*)\\.sql$");
    private static final String NO_TRANSACTION = "-- no-transaction";

    @Override
    public Layout layout() {
        return Layout.GOLANG_MIGRATE;
    }

    @Override
    public String form() {
        return "<version>_<name>.up.sql + <version>_<name>.down.sql";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> MigrationFolder.topLevel(file) && REVERSIBLE.matcher(file).matches())
                .findFirst();
    }

    /** Plain numbered {@code .sql} files: sqlx forward-only migrations, when no layout shows itself more clearly. */
    static Optional<String> simpleEvidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> MigrationFolder.topLevel(file) && SIMPLE.matcher(file).matches())
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        for (String file : folder.files()) {
            Matcher reversible = REVERSIBLE.matcher(file);
            Matcher simple = SIMPLE.matcher(file);
            if (!MigrationFolder.topLevel(file)) {
                out.skip(file, "in a sub-directory, golang-migrate and sqlx read only the top level");
            } else if (reversible.matches() || simple.matches()) {
                Matcher match = reversible.matches() ? reversible : simple;
                Script script = folder.read(file, out, (text, found) -> {
                    SourceWindow window = SourceWindow.over(text, 1);
                    return Scripts.split(file, window, noTransaction(window), found);
                }).orElseGet(() -> Scripts.of(file, List.of(), null));
                out.part(!file.endsWith(".down.sql"), new Part(VersionKey.of(match.group(1)), match.group(1),
                        match.group(2), script));
            } else if (NotMigration.isSql(file)) {
                NameGuess guess = NameGuess.of(file);
                String direction = file.toLowerCase(Locale.ROOT).endsWith(".down.sql") ? "down" : "up";
                out.problem(file, null, "a file name that is not a golang-migrate name", form(),
                        "rename it, e.g. to " + guess.number() + "_" + guess.description() + "." + direction + ".sql");
            } else {
                out.skip(file);
            }
        }
    }

    /** Read before the script is split, while the window still holds its start. */
    private static String noTransaction(SourceWindow text) {
        return text.matches(0, NO_TRANSACTION) ? NO_TRANSACTION + " (line 1)" : null;
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        String down = up.version() + "_" + up.name() + ".down.sql";
        if (!up.file().endsWith(".up.sql")) {
            return new DefinitionProblem(up.file(), null, "a forward-only (plain .sql) migration", form(),
                    "split it into " + up.version() + "_" + up.name() + ".up.sql and " + down + OR_FORWARD_ONLY);
        }
        return new DefinitionProblem(up.file(), null, "no down script for version " + up.version(),
                down + " next to it", "add " + down + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        return new DefinitionProblem(down.file(), null, "a down script without an up for version " + down.version(),
                up(down) + " next to it", "add " + up(down) + ", or fix the version of " + down.file());
    }

    private static String up(Part down) {
        return down.version() + "_" + down.name() + ".up.sql";
    }
}
