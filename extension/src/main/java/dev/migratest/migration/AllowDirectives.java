package dev.migratest.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
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
        List<MatchResult> candidates = new ArrayList<>();
        Matcher matcher = DIRECTIVE.matcher(text);
        while (matcher.find()) {
            candidates.add(matcher.toMatchResult());
        }
        // Tokens and candidates both come in text order: one pass over the tokens, none of them kept.
        boolean[] inside = new boolean[candidates.size()];
        int[] next = {0};
        SqlLexer.lex(file, text, lines, token -> {
            while (next[0] < candidates.size() && candidates.get(next[0]).start() < token.end()) {
                inside[next[0]] = candidates.get(next[0]).start() >= token.start();
                next[0]++;
            }
        });
        List<AllowDirective> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            MatchResult candidate = candidates.get(i);
            if (!inside[i]) {
                // A -- inside a token is part of a string, a quoted identifier or a body, not a comment.
                found.add(parse(file, lines.lineOf(candidate.start()), candidate.group().strip(), candidate.group(1)));
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
}
