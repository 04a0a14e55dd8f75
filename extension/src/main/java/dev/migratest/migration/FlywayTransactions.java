package dev.migratest.migration;

import java.util.List;

/**
 * How Flyway runs one script (flyway 13.0: ParserSqlScript.executeInTransaction and parse, DbMigrate,
 * SqlScriptMetadata, PostgreSQLParser). Its {@code .sql.conf} {@code executeInTransaction} decides when it is there;
 * else {@code flyway.executeInTransaction=false} runs every script outside a transaction; else Flyway looks at each
 * statement ({@link FlywayStatements}): none it knows as non-transactional, one transaction; all of them, none;
 * both kinds, it refuses the migration unless {@code flyway.mixed=true}, which runs it without a transaction. Outside
 * a transaction Flyway sends each statement on its own.
 */
final class FlywayTransactions {

    private static final String KNOWN = "CREATE/DROP INDEX CONCURRENTLY, REINDEX SCHEMA/DATABASE/SYSTEM, VACUUM,"
            + " DISCARD ALL, CREATE/DROP DATABASE, TABLESPACE or SUBSCRIPTION, ALTER SYSTEM";

    private FlywayTransactions() {
    }

    /**
     * @param conf the script's {@code executeInTransaction} line in its {@code .sql.conf}, {@code null} when none
     */
    static TransactionRule rule(String file, ConfigFlag.Found conf, ToolSettings settings) {
        String confFile = file + ".conf";
        if (conf != null) {
            return conf.value().equalsIgnoreCase("false")
                    ? TransactionRules.eachStatement(conf.place())
                    : TransactionRules.transaction(conf.place() + ": Flyway runs the script in a transaction",
                    "set executeInTransaction=false in " + confFile);
        }
        ToolSettings.Setting everywhere = settings.flywayExecuteInTransaction();
        if (everywhere != null && !everywhere.value()) {
            return TransactionRules.eachStatement(everywhere.source());
        }
        return statements -> decide(file, statements, settings.flywayMixed());
    }

    private static TransactionRule.Decision decide(String file, List<Statement> statements,
                                                   ToolSettings.Setting mixed) {
        List<Statement> outside = statements.stream()
                .filter(s -> FlywayStatements.cannotRunInTransaction(s.sql())).toList();
        if (outside.isEmpty()) {
            return new TransactionRule.Decision(null, ToolRun.inTransaction("Flyway runs a script in a transaction"
                    + " unless it recognises a statement that cannot run in one, and its PostgreSQL parser recognises"
                    + " only " + KNOWN, "add " + file + ".conf holding executeInTransaction=false"));
        }
        Statement first = outside.get(0);
        String what = Scripts.firstWords(first.sql()) + ", line " + first.line();
        if (outside.size() == statements.size()) {
            return new TransactionRule.Decision("Flyway runs it outside a transaction: it holds only statements that"
                    + " cannot run in one (" + what + ")", ToolRun.NONE);
        }
        if (mixed != null && mixed.value()) {
            return new TransactionRule.Decision(mixed.source() + ": Flyway runs a script that mixes statements that"
                    + " can and cannot run in a transaction outside one (" + what + ")", ToolRun.NONE);
        }
        Statement offending = offending(statements);
        boolean nonTransactional = FlywayStatements.cannotRunInTransaction(offending.sql());
        return new TransactionRule.Decision(null, ToolRun.refused(offending.line(), "Flyway refuses to run it: \""
                        + "Detected both transactional and non-transactional statements within the same migration"
                        + " (even though mixed is false). Offending statement found at line " + offending.line() + ": "
                        + Scripts.firstWords(offending.sql()) + " …" + (nonTransactional ? " [non-transactional]" : "")
                        + "\"",
                "move " + Scripts.firstWords(first.sql()) + " (line " + first.line() + ") into a migration of its own,"
                        + " or add " + file
                        + ".conf holding executeInTransaction=false (every statement then runs on its own), or set"
                        + " flyway.mixed=true"));
    }

    /** The statement at which Flyway has seen both kinds: the one it names. */
    private static Statement offending(List<Statement> statements) {
        boolean transactional = false;
        boolean nonTransactional = false;
        for (Statement statement : statements) {
            if (FlywayStatements.cannotRunInTransaction(statement.sql())) nonTransactional = true;
            else transactional = true;
            if (transactional && nonTransactional) return statement;
        }
        throw new IllegalStateException("no statement mixes kinds");
    }
}
