package dev.migratest.migration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How diesel runs one migration's {@code up.sql} and {@code down.sql} (diesel 2.3, diesel_migrations/src:
 * migration_harness.rs, file_based_migrations.rs; migrations_internals/src/lib.rs). It sends the whole file as one
 * query ({@code batch_execute}, libpq's {@code PQexec}); with its row in {@code __diesel_schema_migrations}, inside a
 * transaction unless the directory's {@code metadata.toml} says {@code run_in_transaction = false}. A
 * {@code metadata.toml} that leaves the key out counts as {@code false}: diesel reads the file with a serde default of
 * {@code false} for the missing key, and only a missing or unreadable file gives the default {@code true}.
 */
final class DieselTransactions {

    private static final String TABLE = "__diesel_schema_migrations";

    private final String dir;
    /** Why diesel runs the migration in a transaction; {@code null} when it does not. */
    private final String inTransaction;
    /** Why it does not; {@code null} when it does. */
    private final String outsideTransaction;

    private DieselTransactions(String dir, String inTransaction, String outsideTransaction) {
        this.dir = dir;
        this.inTransaction = inTransaction;
        this.outsideTransaction = outsideTransaction;
    }

    static DieselTransactions withoutMetadata(String dir) {
        return new DieselTransactions(dir, "diesel runs every migration in a transaction unless its metadata.toml"
                + " says run_in_transaction = false", null);
    }

    /** @param setting the {@code run_in_transaction = true|false} line of the directory's metadata.toml, if any */
    static DieselTransactions withMetadata(String dir, Optional<ConfigFlag.Found> setting) {
        if (setting.isEmpty()) {
            return new DieselTransactions(dir, null, dir + "/metadata.toml without run_in_transaction (diesel reads"
                    + " the missing key as false)");
        }
        ConfigFlag.Found found = setting.get();
        return found.value().equals("true")
                ? new DieselTransactions(dir, found.place() + ": diesel runs the migration in a transaction", null)
                : new DieselTransactions(dir, null, found.place());
    }

    /** The rule for {@code file}, the directory's up.sql or down.sql. */
    TransactionRule rule(String file) {
        String name = MigrationFolder.name(file);
        String alone = "keep the statement alone in " + name + " (without a transaction diesel sends the file as one"
                + " query, which PostgreSQL runs in one implicit transaction when it holds several statements)";
        if (inTransaction == null) {
            return TransactionRules.oneQuery(outsideTransaction + ": diesel sends " + name + " as one query",
                    "move the statement into a migration of its own, alone in its " + name + " (diesel's documentation"
                            + " advises the same)");
        }
        String fix = (inTransaction.startsWith("run_in_transaction")
                ? "set run_in_transaction = false in " + dir + "/metadata.toml"
                : "add " + dir + "/metadata.toml holding run_in_transaction = false") + ", and " + alone;
        TransactionRule transaction = TransactionRules.transaction(inTransaction, fix);
        return statements -> ownCommit(statements)
                .map(commit -> new TransactionRule.Decision(null, ToolRun.refused(commit.line(), "diesel runs " + name
                        + " inside its own transaction, and the script's " + Scripts.firstWords(commit.sql())
                        + " (line " + commit.line() + ") ends it: what follows, and diesel's row in " + TABLE + ", are"
                        + " committed outside it, and diesel 2 then fails its own COMMIT (\"Cannot perform this"
                        + " operation outside of a transaction\"), leaving the migration applied",
                        "remove the script's BEGIN/COMMIT: diesel already runs " + name + " in a transaction")))
                .orElseGet(() -> transaction.decide(statements));
    }

    /** The script's own COMMIT or END, which would end diesel's transaction. */
    private static Optional<Statement> ownCommit(List<Statement> statements) {
        return statements.stream()
                .filter(s -> s.kind() == StatementKind.TRANSACTION_CONTROL)
                .filter(s -> {
                    String first = s.sql().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                    return first.equals("COMMIT") || first.equals("END");
                })
                .findFirst();
    }
}
