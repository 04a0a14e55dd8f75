package dev.migratest.migration;

/**
 * The problems the splitter reports, one factory per thing that can be left open. Each names the line where the
 * quote, comment or body was opened: the end of the file, where the lexer notices, tells the user nothing.
 *
 * <p>No text here contains a semicolon, because {@link DefinitionProblem#describe()} separates its parts with them.
 */
final class UnclosedProblems {
    private static final String AT_END = " before the end of the file";
    private static final String QUOTE_TWICE = " (a quote inside a string is written twice: '')";

    private UnclosedProblems() {
    }

    static DefinitionProblem string(String file, int line) {
        return unclosed(file, line, "string '…'", "a closing '", "close the string with '" + QUOTE_TWICE);
    }

    static DefinitionProblem unicodeString(String file, int line) {
        return unclosed(file, line, "Unicode string U&'…'", "a closing '", "close the string with '" + QUOTE_TWICE);
    }

    static DefinitionProblem escapeString(String file, int line) {
        return unclosed(file, line, "escape string E'…'", "a closing '",
                "close the string with ' (inside E'…' a backslash escapes the next character:"
                        + " write \\\\ for a backslash and \\' or '' for a quote)");
    }

    /** @param opener {@code "} or {@code U&"}, as written */
    static DefinitionProblem quotedIdentifier(String file, int line, String opener) {
        return unclosed(file, line, "quoted identifier " + opener + "…\"", "a closing \"",
                "close the identifier with \" (a double quote inside it is written twice: \"\")");
    }

    static DefinitionProblem blockComment(String file, int line) {
        return unclosed(file, line, "block comment /*", "a closing */",
                "close the comment with */ (comments nest: each /* inside it needs its own */)");
    }

    /** @param tag the whole delimiter, e.g. {@code $body$} or {@code $$} */
    static DefinitionProblem dollarQuote(String file, int line, String tag) {
        return unclosed(file, line, "dollar quote " + tag, "a closing " + tag,
                "close the body with " + tag + " (the tag is case-sensitive and must match exactly)");
    }

    static DefinitionProblem atomicBody(String file, int line) {
        return unclosed(file, line, "BEGIN ATOMIC body", "an END closing the body",
                "end the body with END (each CASE inside it needs its own END too)");
    }

    private static DefinitionProblem unclosed(String file, int line, String what, String closer, String fix) {
        return new DefinitionProblem(file, line, what + " opened here and never closed", closer + AT_END, fix);
    }
}
