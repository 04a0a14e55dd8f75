package dev.migratest.migration;

/**
 * One SQL statement of a migration script, as the splitter found it.
 *
 * @param line 1-based line of the file on which the statement's first token stands
 * @param sql  the statement's text without its terminating semicolon
 * @param kind what the runner must know about the statement before it runs it
 */
public record Statement(int line, String sql, StatementKind kind) {
}
