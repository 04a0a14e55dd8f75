package dev.migratest.migration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate and sqlx: {@code <n>_<name>.up.sql} + {@code <n>_<name>.down.sql} at the top level, ordered by the
 * number; sqlx's plain {@code <n>_<name>.sql} is forward-only. The two tools run the same files differently:
 * <ul>
 *   <li>golang-migrate (v4.19, database/postgres/postgres.go {@code Run}) sends a file as one query through lib/pq,
 *       outside any transaction; with {@code x-multi-statement=true} it sends each statement on its own;</li>
 *   <li>sqlx (0.8, sqlx-postgres/src/migrate.rs {@code apply}/{@code revert}; sqlx-core/src/migrate/source.rs) sends a
 *       file as one query in a transaction with its {@code _sqlx_migrations} row, unless the file begins with
 *       {@code -- no-transaction} (nothing before it, not even a byte order mark): then as one query outside one.</li>
 * </ul>
 */
final class GolangMigrateLayout implements LayoutReader {

    private static final Pattern REVERSIBLE = Pattern.compile("^(\\d+)_(.*)\\.(up|down)\\.sql$");
    private static final Pattern SIMPLE = Pattern.compile("^(\\d+)_(.*)\\.sql$");
    private static final String NO_TRANSACTION = "-- no-transaction";

    private final Layout layout;

    /** @param layout {@link Layout#GOLANG_MIGRATE} or {@link Layout#SQLX} */
    GolangMigrateLayout(Layout layout) {
        if (layout != Layout.GOLANG_MIGRATE && layout != Layout.SQLX) {
            throw new IllegalArgumentException("not a golang-migrate or sqlx layout: " + layout);
        }
        this.layout = layout;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public String form() {
        return "<version>_<name>.up.sql + <version>_<name>.down.sql"
                + (layout == Layout.SQLX ? ", or forward-only <version>_<name>.sql" : "");
    }

    /**
     * A reversible file at the top level; sqlx's when the folder shows sqlx ({@link #showsSqlx}), golang-migrate's
     * otherwise.
     */
    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        if (showsSqlx(folder) != (layout == Layout.SQLX)) {
            return Optional.empty();
        }
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

    /**
     * Whether the folder is sqlx's rather than golang-migrate's: a file begins with {@code -- no-transaction}, or plain
     * forward-only {@code <n>_<name>.sql} files sit next to the reversible ones (golang-migrate has neither).
     */
    static boolean showsSqlx(MigrationFolder folder) {
        return folder.files().stream().filter(MigrationFolder::topLevel).anyMatch(file ->
                SIMPLE.matcher(file).matches() && (!REVERSIBLE.matcher(file).matches()
                        || folder.firstLineStartsWith(file, NO_TRANSACTION)));
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        read(folder, ToolSettings.DEFAULTS, out);
    }

    @Override
    public void read(MigrationFolder folder, ToolSettings settings, Collected out) {
        for (String file : folder.files()) {
            Matcher reversible = REVERSIBLE.matcher(file);
            Matcher simple = SIMPLE.matcher(file);
            if (!MigrationFolder.topLevel(file)) {
                out.skip(file, "in a sub-directory, golang-migrate and sqlx read only the top level");
            } else if (reversible.matches() || simple.matches()) {
                Matcher match = reversible.matches() ? reversible : simple;
                TransactionRule rule = layout == Layout.SQLX ? sqlxRule(folder, file) : golangRule(file, settings);
                Script script = folder.read(file, out, (text, found) ->
                                Scripts.split(file, SourceWindow.over(text, 1), rule, found))
                        .orElseGet(() -> Scripts.of(file, List.of(), rule));
                out.part(!file.endsWith(".down.sql"), new Part(VersionKey.of(match.group(1)), match.group(1),
                        match.group(2), script));
            } else if (NotMigration.isSql(file)) {
                NameGuess guess = NameGuess.of(file);
                String direction = file.toLowerCase(Locale.ROOT).endsWith(".down.sql") ? "down" : "up";
                out.problem(file, null, "a file name that is not a " + layout.name().toLowerCase(Locale.ROOT)
                                .replace('_', '-') + " name", form(),
                        "rename it, e.g. to " + guess.number() + "_" + guess.description() + "." + direction + ".sql");
            } else {
                out.skip(file);
            }
        }
    }

    private static TransactionRule golangRule(String file, ToolSettings settings) {
        ToolSettings.Setting multiStatement = settings.golangMultiStatement();
        if (multiStatement != null && multiStatement.value()) {
            return TransactionRules.eachStatement(multiStatement.source() + ": golang-migrate runs with"
                    + " x-multi-statement=true and sends each statement on its own");
        }
        return TransactionRules.oneQuery("golang-migrate sends " + file + " as one query",
                "move the statement into a migration of its own, alone in its file, or run golang-migrate with"
                        + " x-multi-statement=true in the database URL (and set -D"
                        + ToolSettings.GOLANG_MULTI_STATEMENT_PROPERTY + "=true for migratest)");
    }

    /** sqlx compares the file's first bytes: a byte order mark before the marker hides it. */
    private static TransactionRule sqlxRule(MigrationFolder folder, String file) {
        if (folder.firstLineStartsWith(file, NO_TRANSACTION) && !folder.startsWithByteOrderMark(file)) {
            return TransactionRules.oneQuery(NO_TRANSACTION + " (line 1): sqlx sends " + file + " as one query",
                    "move the statement into a migration of its own, alone in its file after -- no-transaction");
        }
        String fix = "make " + NO_TRANSACTION + " the first line of " + file + " (nothing before it"
                + (folder.startsWithByteOrderMark(file) ? ", not even the byte order mark the file begins with" : "")
                + ") and keep the statement alone in the file (sqlx then sends it as one query, which PostgreSQL runs"
                + " in one implicit transaction when it holds several statements)";
        return TransactionRules.transaction("sqlx runs each migration in a transaction unless its file begins with "
                + NO_TRANSACTION, fix);
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
