package dev.migratest.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code -- migratest:allow …} comments in a script. The splitter drops comments that stand before a
 * statement, so the directives are read from the text itself; the lexer's tokens tell which {@code --} are real
 * comments, so the same words inside a string or a dollar-quoted function body do not count.
 */
final class AllowDirectives {

    private static final Pattern DIRECTIVE = Pattern.compile("--[ \\t]*migratest:allow\\b([^\\r\\n]*)");
    /** The reason follows an em dash, an en dash, or a hyphen standing alone between spaces. */
    private static final Pattern REASON_DASH = Pattern.compile("\\s*(?:—|–|\\s-\\s)\\s*");

    private AllowDirectives() {
    }

    static List<AllowDirective> in(String file, String text, int firstLine) {
        if (!text.contains("migratest:allow")) {
            return List.of(); // the common case: no lexing twice
        }
        LineIndex lines = new LineIndex(text, firstLine);
        List<SqlToken> tokens = SqlLexer.lex(file, text, lines).tokens();
        List<AllowDirective> found = new ArrayList<>();
        Matcher matcher = DIRECTIVE.matcher(text);
        while (matcher.find()) {
            if (!insideToken(tokens, matcher.start())) {
                found.add(parse(file, lines.lineOf(matcher.start()), matcher.group().strip(), matcher.group(1)));
            }
        }
        return found;
    }

    private static AllowDirective parse(String file, int line, String written, String afterKeyword) {
        String[] idsAndReason = REASON_DASH.split(afterKeyword, 2);
        String reason = idsAndReason.length > 1 && !idsAndReason[1].isBlank() ? idsAndReason[1].strip() : null;
        List<String> ids = Arrays.stream(idsAndReason[0].split("[,\\s]+")).filter(id -> !id.isEmpty()).toList();
        return new AllowDirective(file, line, ids, reason, written);
    }

    /** A {@code --} inside a token is part of a string, a quoted identifier or a body, not a comment. */
    private static boolean insideToken(List<SqlToken> tokens, int offset) {
        int low = 0;
        int high = tokens.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            SqlToken token = tokens.get(middle);
            if (offset < token.start()) {
                high = middle - 1;
            } else if (offset >= token.end()) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
