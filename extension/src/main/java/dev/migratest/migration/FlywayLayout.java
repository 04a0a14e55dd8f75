package dev.migratest.migration;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<version>__<description>.sql} up, {@code U<version>__<description>.sql} undo, in any sub-directory.
 * Scripts run as Flyway runs them ({@link FlywayTransactions}): {@code V3__x.sql.conf} with
 * {@code executeInTransaction=false} makes {@code V3__x.sql} non-transactional. Repeatable
 * {@code R__*.sql} and callbacks ({@code beforeMigrate.sql}, …) are skipped.
 */
final class FlywayLayout implements LayoutReader {

    private static final Pattern VERSIONED = Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql$");
    private static final Pattern REPEATABLE = Pattern.compile("^R__.*\\.sql$");
    private static final Pattern CALLBACK = Pattern.compile("^(before|after)[A-Z][A-Za-z]*(__.*)?\\.sql$");
    private static final Pattern EXECUTE_IN_TRANSACTION =
            Pattern.compile("(?i)^executeInTransaction\\s*[=:]\\s*(true|false)$");
    private static final String CONF = ".conf";

    @Override
    public Layout layout() {
        return Layout.FLYWAY;
    }

    @Override
    public String form() {
        return "V<version>__<description>.sql + optional U<version>__<description>.sql";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> VERSIONED.matcher(MigrationFolder.name(file)).matches()
                        || REPEATABLE.matcher(MigrationFolder.name(file)).matches())
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        read(folder, ToolSettings.DEFAULTS, out);
    }

    @Override
    public void read(MigrationFolder folder, ToolSettings settings, Collected out) {
        Set<String> files = new HashSet<>(folder.files());
        for (String file : folder.files()) {
            String name = MigrationFolder.name(file);
            Matcher versioned = VERSIONED.matcher(name);
            if (versioned.matches()) {
                String conf = file + CONF;
                ConfigFlag.Found setting = files.contains(conf)
                        ? ConfigFlag.first(folder, conf, EXECUTE_IN_TRANSACTION, out).orElse(null) : null;
                Script script = Scripts.read(folder, file, FlywayTransactions.rule(file, setting, settings), out);
                String version = versioned.group(2);
                out.part(versioned.group(1).equals("V"), new Part(VersionKey.dotted(version), version,
                        versioned.group(3), script));
            } else if (REPEATABLE.matcher(name).matches()) {
                out.skip(file, "repeatable Flyway migration, not supported yet");
            } else if (CALLBACK.matcher(name).matches()) {
                out.skip(file, "Flyway callback");
            } else if (NotMigration.isSql(name)) {
                NameGuess guess = NameGuess.of(name);
                out.problem(file, null, "a file name that is not a Flyway name", form(),
                        "rename it, e.g. to V" + guess.dotted() + "__" + guess.description() + ".sql");
            } else if (name.endsWith(".sql" + CONF) && VERSIONED.matcher(withoutConf(name)).matches()) {
                if (!files.contains(withoutConf(file))) {
                    out.problem(file, null, "a configuration for " + withoutConf(name) + ", which does not exist",
                            "a .conf next to the script it configures", "rename it like its script, or delete it");
                }
            } else {
                out.skip(file);
            }
        }
    }

    private static String withoutConf(String path) {
        return path.substring(0, path.length() - CONF.length());
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        return new DefinitionProblem(up.file(), null, "no undo script for version " + up.version(),
                "U" + up.version() + "__<description>.sql next to it",
                "add U" + up.version() + "__" + up.name() + ".sql" + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        return new DefinitionProblem(down.file(), null, "an undo script without V" + down.version() + "__*.sql",
                "every U<version>__<description>.sql to undo a V<version>__<description>.sql",
                "add V" + down.version() + "__" + down.name() + ".sql, or fix the version of " + down.file());
    }
}
