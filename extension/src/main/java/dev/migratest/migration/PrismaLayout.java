package dev.migratest.migration;

import java.util.Optional;

/**
 * Prisma: directories {@code <timestamp>_<name>/migration.sql}, forward-only by nature; {@code migration_lock.toml}
 * belongs to the layout and is passed over silently.
 */
final class PrismaLayout implements LayoutReader {

    private static final String SCRIPT = "migration.sql";
    private static final String LOCK = "migration_lock.toml";

    @Override
    public Layout layout() {
        return Layout.PRISMA;
    }

    @Override
    public String form() {
        return "<timestamp>_<name>/migration.sql";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> file.equals(LOCK) || file.endsWith("/" + SCRIPT) && MigrationFolder.depth(file) == 2)
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        for (String file : folder.files()) {
            if (file.equals(LOCK)) {
                continue;
            }
            if (MigrationFolder.depth(file) == 2 && MigrationFolder.name(file).equals(SCRIPT)) {
                readMigration(folder, file, out);
            } else if (NotMigration.isSql(file)) {
                out.problem(file, null, "a .sql file that is not <timestamp>_<name>/migration.sql", form(),
                        "move it to " + example(file) + "/" + SCRIPT);
            } else {
                out.skip(file);
            }
        }
        for (String dir : folder.dirs()) {
            if (MigrationFolder.depth(dir) == 1 && folder.looksLikeMigration(dir)
                    && !folder.files().contains(dir + "/" + SCRIPT)) {
                out.problem(dir + "/", null, "a migration directory without " + SCRIPT, form(),
                        "add " + dir + "/" + SCRIPT + ", or delete the directory");
            }
        }
    }

    private static void readMigration(MigrationFolder folder, String file, Collected out) {
        String dir = MigrationFolder.parent(file);
        int underscore = dir.indexOf('_');
        if (underscore <= 0) {
            out.problem(dir + "/", null, "a directory name that is not a Prisma name", "<timestamp>_<name>",
                    "rename it, e.g. to " + example(dir));
            return;
        }
        String version = dir.substring(0, underscore);
        out.up(new Part(VersionKey.of(version), version, dir.substring(underscore + 1),
                Scripts.read(folder, file, TransactionRules.own(null), out)));
    }

    private static String example(String name) {
        NameGuess guess = NameGuess.of(name);
        return (guess.version() == null ? "20240101000000" : guess.number()) + "_" + guess.description();
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        return new DefinitionProblem(up.file(), null, "a Prisma migration, which has no down",
                "allowForwardOnly for Prisma migrations",
                "set allowForwardOnly: Prisma migrations are forward-only, so only their up is rehearsed");
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        throw new IllegalStateException("Prisma has no down scripts: " + down.file());
    }
}
