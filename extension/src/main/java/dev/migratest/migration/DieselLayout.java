package dev.migratest.migration;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Diesel: directories {@code <version>_<name>/} holding {@code up.sql}, {@code down.sql} and optionally
 * {@code metadata.toml} ({@code run_in_transaction = false}). The version is the text before the first {@code _}
 * with dashes stripped ({@code 2017-11-23-064153} is {@code 20171123064153}); directory names may hold spaces.
 */
final class DieselLayout implements LayoutReader {

    private static final Pattern NO_TRANSACTION = Pattern.compile("^run_in_transaction\\s*=\\s*false\\s*(#.*)?$");
    private static final Set<String> SCRIPTS = Set.of("up.sql", "down.sql");
    private static final Set<String> OWN_FILES = Set.of("up.sql", "down.sql", "metadata.toml");
    /**
     * diesel 2.3 stops at a script without a statement, in either direction: its CLI refuses an empty file before
     * sending it, and PostgreSQL answers a file of only comments with an empty-query response that diesel's
     * {@code batch_execute} turns into an error. Other tools run such a script as a no-op.
     */
    static final String EMPTY_REFUSED = "diesel refuses a script without a statement: an empty file stops"
            + " `diesel migration run` with \"Attempted to run an empty migration\", a file of only comments or"
            + " blank lines with \"Received an empty query\" (PostgreSQL's empty-query response); `SELECT 1;` is the"
            + " usual no-op a diesel migration runs";

    @Override
    public Layout layout() {
        return Layout.DIESEL;
    }

    @Override
    public String form() {
        return "<version>_<name>/up.sql + <version>_<name>/down.sql";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> MigrationFolder.depth(file) == 2 && SCRIPTS.contains(MigrationFolder.name(file)))
                .map(MigrationFolder::parent)
                .map(dir -> dir + "/")
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        Set<String> files = new HashSet<>(folder.files());
        for (String file : folder.files()) {
            if (MigrationFolder.depth(file) == 2 && OWN_FILES.contains(MigrationFolder.name(file))) {
                continue;
            }
            if (MigrationFolder.depth(file) == 1 && NotMigration.isSql(file)) {
                // diesel lists only the directories of the folder (migrations_internals::migrations_directories
                // drops every file): a schema dump or seed at the root never runs, so it is no migration here either
                out.skip(file, "a file at the root, diesel reads only the migration directories");
            } else if (NotMigration.isSql(file)) {
                out.skip(file, "diesel reads only up.sql and down.sql of a migration directory");
            } else {
                out.skip(file);
            }
        }
        for (String dir : folder.dirs()) {
            if (MigrationFolder.depth(dir) == 1) {
                readDirectory(folder, dir, files, out);
            }
        }
    }

    private void readDirectory(MigrationFolder folder, String dir, Set<String> files, Collected out) {
        if (!folder.looksLikeMigration(dir)) {
            return;
        }
        int underscore = dir.indexOf('_');
        String version = underscore < 0 ? "" : dir.substring(0, underscore).replace("-", "");
        if (version.isEmpty()) {
            out.problem(dir + "/", null, "a directory name that is not a diesel name", form(),
                    "rename it, e.g. to " + example(dir));
            return;
        }
        if (!files.contains(dir + "/up.sql") && !files.contains(dir + "/down.sql")) {
            out.problem(dir + "/", null, "a migration directory without up.sql or down.sql", form(),
                    "add " + dir + "/up.sql and " + dir + "/down.sql, or delete the directory");
            return;
        }
        String metadata = dir + "/metadata.toml";
        String reason = files.contains(metadata) ? ConfigFlag.find(folder, metadata, NO_TRANSACTION, out) : null;
        String name = dir.substring(underscore + 1);
        for (String direction : new String[] {"up", "down"}) {
            String file = dir + "/" + direction + ".sql";
            if (files.contains(file)) {
                Script script = Scripts.read(folder, file, reason, out);
                if (script.statements().isEmpty()) {
                    script = script.refusedBecause(EMPTY_REFUSED);
                }
                out.part(direction.equals("up"), new Part(VersionKey.of(version), version, name, script));
            }
        }
    }

    private static String example(String name) {
        NameGuess guess = NameGuess.of(name);
        return (guess.version() == null ? "2024-01-01-000000" : guess.version()) + "_" + guess.description();
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        String dir = MigrationFolder.parent(up.file());
        return new DefinitionProblem(dir + "/", null, "no down.sql", dir + "/down.sql next to up.sql",
                "add " + dir + "/down.sql" + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        String dir = MigrationFolder.parent(down.file());
        return new DefinitionProblem(dir + "/", null, "down.sql without up.sql", dir + "/up.sql next to down.sql",
                "add " + dir + "/up.sql");
    }
}
