package dev.migratest.migration;

import java.util.List;
import java.util.Optional;

/** The text between {@code StatementBegin} and {@code StatementEnd}: one statement however many semicolons it holds. */
final class BlockStatement {

    private BlockStatement() {
    }

    /**
     * @param text      the block's lines
     * @param firstLine the file line of the block's first line
     * @return the statement, on the line of its first token; empty when the block holds only blanks and comments
     */
    static Optional<Statement> of(String file, String text, int firstLine) {
        String[] lines = text.split("\n", -1);
        int first = 0;
        while (first < lines.length && (lines[first].isBlank() || lines[first].strip().startsWith("--"))) {
            first++;
        }
        if (first == lines.length) {
            return Optional.empty();
        }
        String sql = String.join("\n", List.of(lines).subList(first, lines.length)).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        return Optional.of(new Statement(firstLine + first, sql, kind(file, text, firstLine)));
    }

    /**
     * What the splitter would call the block's statements: {@code NEEDS_AUTOCOMMIT} when any is, the kind of the only
     * one when there is one, {@code ORDINARY} otherwise. Splitter problems inside a block are not reported: the block
     * is sent as written and PostgreSQL judges it.
     */
    private static StatementKind kind(String file, String text, int firstLine) {
        List<Statement> statements = StatementSplitter.split(file, text, firstLine).statements();
        if (statements.stream().anyMatch(s -> s.kind() == StatementKind.NEEDS_AUTOCOMMIT)) {
            return StatementKind.NEEDS_AUTOCOMMIT;
        }
        return statements.size() == 1 ? statements.get(0).kind() : StatementKind.ORDINARY;
    }
}
