package dev.migratest.migration;

/**
 * What a migration tool does with a script beyond "transaction or not", for the rehearsal to fail as production
 * would and say why.
 *
 * @param transactionReason why the tool runs the script in one transaction, explicit or the implicit one PostgreSQL
 *                          gives a query of several statements, e.g. {@code "diesel runs every migration in a
 *                          transaction unless its metadata.toml says run_in_transaction = false"}; {@code null} when it
 *                          does not, or when no tool rule is modelled
 * @param fix               what makes the tool run a statement outside that transaction, named for the tool, e.g.
 *                          {@code "add 2024-01-01-000000_idx/metadata.toml holding run_in_transaction = false"};
 *                          {@code null} with {@code transactionReason}
 * @param refusal           the tool's refusal to run the script at all, {@code null} when it runs it
 */
public record ToolRun(String transactionReason, String fix, Refusal refusal) {

    /** No tool rule: migratest's own (one transaction, unless a statement cannot run in one). */
    public static final ToolRun NONE = new ToolRun(null, null, null);

    /**
     * The tool refuses the script before running any of it (Flyway, for a script mixing statements that can and cannot
     * run in a transaction), or fails after it (diesel, for a script that commits diesel's transaction itself).
     *
     * @param line    the line the tool names
     * @param message what the tool does and says
     * @param fix     how to write the script so that the tool runs it
     */
    public record Refusal(int line, String message, String fix) {
    }

    static ToolRun inTransaction(String reason, String fix) {
        return new ToolRun(reason, fix, null);
    }

    static ToolRun refused(int line, String message, String fix) {
        return new ToolRun(null, null, new Refusal(line, message, fix));
    }
}
