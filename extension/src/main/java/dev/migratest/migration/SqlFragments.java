package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The splitter's lexer, offered to other leaves that read SQL files which are not migrations (e.g. the queries of an
 * old application version). Each answer comes from tokens, so a {@code --}, {@code $1} or {@code ,} inside a string,
 * a quoted identifier or a dollar quote never counts.
 */
public final class SqlFragments {

    /** A {@code --} comment: the line it stands on and its text after the dashes, unchanged. */
    public record LineComment(int line, String body) {
    }

    private SqlFragments() {
    }

    /**
     * Decodes a file strictly as UTF-8 (a byte order mark is dropped), as migration files are.
     *
     * @param problems receives the problem naming the line of the first invalid bytes
     * @return the text, or empty when the bytes are not UTF-8
     */
    public static Optional<String> decodeUtf8(String file, byte[] bytes, List<DefinitionProblem> problems) {
        Collected out = new Collected();
        Optional<String> text = SourceText.decode(file, bytes, out);
        problems.addAll(out.problems());
        return text;
    }

    /** Every {@code --} comment of {@code text} that stands outside quotes and block comments, in order. */
    public static List<LineComment> lineComments(String text, int firstLine) {
        SourceWindow window = SourceWindow.of(text, firstLine);
        List<LineComment> comments = new ArrayList<>();
        SqlLexer.lex("", window, token -> { }, (start, end) ->
                comments.add(new LineComment(window.lineOf(start), window.text(start + 2, end))));
        return comments;
    }

    /** The numbers {@code n} of the positional parameters {@code $n} in one statement. */
    public static SortedSet<Integer> parameterNumbers(String sql) {
        SortedSet<Integer> numbers = new TreeSet<>();
        SourceWindow window = SourceWindow.holding(sql, 1);
        for (SqlToken token : SqlLexer.lex("", window).tokens()) {
            String text = token.textIn(window);
            if (token.kind() == SqlToken.Kind.OTHER && text.length() > 1 && text.charAt(0) == '$') {
                try {
                    numbers.add(Integer.parseInt(text.substring(1)));
                } catch (NumberFormatException tooLong) {
                    numbers.add(Integer.MAX_VALUE);
                }
            }
        }
        return numbers;
    }

    /**
     * Splits a comma-separated list of SQL expressions at the commas outside quotes, parentheses and brackets. Each
     * item is its source text from its first token to its last.
     *
     * @param problems receives the quotes left open and the nesting left unbalanced; the items are then unreliable
     * @return the items; an empty item (two commas in a row, a comma at either end) is returned as {@code ""}
     */
    public static List<String> splitList(String file, String text, int line, List<DefinitionProblem> problems) {
        SourceWindow window = SourceWindow.holding(text, line);
        SqlLexer.Lexed lexed = SqlLexer.lex(file, window);
        problems.addAll(lexed.problems());
        List<String> items = new ArrayList<>();
        int depth = 0;
        int itemStart = -1;
        int itemEnd = -1;
        for (SqlToken token : lexed.tokens()) {
            if (depth == 0 && token.isSymbol(window, ',')) {
                items.add(itemStart < 0 ? "" : text.substring(itemStart, itemEnd));
                itemStart = -1;
                continue;
            }
            if (token.isSymbol(window, '(') || token.isSymbol(window, '[')) depth++;
            if (token.isSymbol(window, ')') || token.isSymbol(window, ']')) depth--;
            if (depth < 0) {
                problems.add(new DefinitionProblem(file, line, "a closing " + token.textIn(window) + " without its"
                        + " opening one in " + text.strip(), "balanced parentheses and brackets",
                        "remove the extra " + token.textIn(window)));
                return items;
            }
            if (itemStart < 0) itemStart = token.start();
            itemEnd = token.end();
        }
        if (depth > 0) {
            problems.add(new DefinitionProblem(file, line, depth + " unclosed ( or [ in " + text.strip(),
                    "balanced parentheses and brackets", "close each ( with ) and each [ with ]"));
        }
        if (itemStart >= 0 || !items.isEmpty()) items.add(itemStart < 0 ? "" : text.substring(itemStart, itemEnd));
        return items;
    }
}
