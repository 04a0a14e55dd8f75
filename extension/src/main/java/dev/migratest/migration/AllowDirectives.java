package dev.migratest.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code -- migratest:allow …} comments in a script. The splitter drops comments that stand before a
 * statement, so the directives are read from the comments the lexer skips: the same words inside a string, a quoted
 * identifier, a dollar-quoted function body or a block comment do not count.
 */
final class AllowDirectives implements SqlLexer.LineComments {

    private static final String KEYWORD = "migratest:allow";
    private static final Pattern DIRECTIVE = Pattern.compile("--[ \\t]*migratest:allow\\b([^\\r\\n]*)");
    /** The reason follows an em dash, an en dash, or a hyphen standing alone between spaces. */
    private static final Pattern REASON_DASH = Pattern.compile("\\s*(?:—|–|\\s-\\s)\\s*");

    private final String file;
    private final SourceWindow text;
    private final Consumer<AllowDirective> found;

    /** @param found receives each directive as the lexer passes its comment */
    AllowDirectives(String file, SourceWindow text, Consumer<AllowDirective> found) {
        this.file = file;
        this.text = text;
        this.found = found;
    }

    /** The directives of a text in hand (a goose {@code StatementBegin} block). */
    static List<AllowDirective> in(String file, String text, int firstLine) {
        if (!text.contains(KEYWORD)) {
            return List.of(); // the common case: no lexing twice
        }
        SourceWindow window = SourceWindow.of(text, firstLine);
        List<AllowDirective> directives = new ArrayList<>();
        SqlLexer.lex(file, window, token -> { }, new AllowDirectives(file, window, directives::add));
        return directives;
    }

    @Override
    public void comment(int start, int end) {
        if (text.indexOf(KEYWORD, start, end) < 0) {
            return; // most comments are prose: no string made of them
        }
        String comment = text.text(start, end);
        Matcher directive = DIRECTIVE.matcher(comment);
        if (directive.find()) {
            // a later -- of the comment may start it: "-- see V3 -- migratest:allow x"
            found.accept(parse(text.lineOf(start + directive.start()), directive.group().strip(),
                    directive.group(1)));
        }
    }

    private AllowDirective parse(int line, String written, String afterKeyword) {
        String[] idsAndReason = REASON_DASH.split(afterKeyword, 2);
        String reason = idsAndReason.length > 1 && !idsAndReason[1].isBlank() ? idsAndReason[1].strip() : null;
        List<String> ids = Arrays.stream(idsAndReason[0].split("[,\\s]+")).filter(id -> !id.isEmpty()).toList();
        return new AllowDirective(file, line, ids, reason, written);
    }
}
