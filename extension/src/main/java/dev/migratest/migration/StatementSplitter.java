package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TEMPORARY stand-in for the PostgreSQL-aware splitter being written on branch wt/splitter; drop this file when
 * that branch is merged. It only splits at lines that end with ';', knows nothing of dollar bodies or identifiers,
 * and reports one problem only: an unterminated '…' string.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * @param file      file name used in problems
     * @param text      the script text
     * @param firstLine the file line on which {@code text} starts (1-based)
     */
    public static SplitResult split(String file, String text, int firstLine) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = -1;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (start < 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            if (start < 0) {
                start = firstLine + i;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                add(statements, start, current.toString().strip());
                current.setLength(0);
                start = -1;
            }
        }
        if (start >= 0) {
            add(statements, start, current.toString().strip());
        }
        return new SplitResult(statements, unterminatedQuote(file, text, firstLine));
    }

    private static List<DefinitionProblem> unterminatedQuote(String file, String text, int firstLine) {
        int line = firstLine;
        int openedOn = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (openedOn < 0 && c == '-' && text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = (end < 0 ? text.length() : end) - 1;
            } else if (c == '\'') {
                openedOn = openedOn < 0 ? line : -1;
            }
        }
        return openedOn < 0 ? List.of() : List.of(new DefinitionProblem(file, openedOn,
                "an unterminated string literal", "a closing quote", "close the string"));
    }

    private static void add(List<Statement> statements, int line, String sql) {
        String body = sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
        if (!body.isEmpty()) {
            statements.add(new Statement(line, body, kind(body)));
        }
    }

    private static StatementKind kind(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        String first = upper.split("\\s+", 2)[0];
        if (first.equals("BEGIN") || first.equals("COMMIT") || first.equals("END")
                || upper.startsWith("START TRANSACTION")) {
            return StatementKind.TRANSACTION_CONTROL;
        }
        if (upper.matches("(?s).*\\bCONCURRENTLY\\b.*") || first.equals("VACUUM")) {
            return StatementKind.NEEDS_AUTOCOMMIT;
        }
        return StatementKind.ORDINARY;
    }
}
