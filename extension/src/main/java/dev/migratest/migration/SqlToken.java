package dev.migratest.migration;

/**
 * One lexical token of a script, as offsets into the script's text (the text itself is never copied, so a script is
 * tokenised without allocating a string per token). Comments and whitespace are not tokens. The tests below read the
 * text from the {@link SourceWindow} the token was lexed from, while it still holds the token.
 *
 * @param kind  what the lexer saw
 * @param start offset of the first character
 * @param end   offset after the last character
 */
record SqlToken(Kind kind, int start, int end) {

    enum Kind {
        /** An unquoted identifier or keyword: the only kind that can be a keyword such as BEGIN or CONCURRENTLY. */
        WORD,
        /** A string constant of any form, a quoted identifier or a dollar-quoted body: opaque to the splitter. */
        QUOTED,
        /** A {@code ;} outside every quote and comment. */
        SEMICOLON,
        /** Anything else: numbers, operators, parentheses, {@code $1} parameters. */
        OTHER
    }

    /**
     * Whether this token is the unquoted keyword {@code keyword} (given in upper case). Compares ASCII letters only,
     * as PostgreSQL folds only ASCII when it reads keywords; {@link String#equalsIgnoreCase} would also accept
     * look-alikes such as a dotless {@code ı} for {@code I}.
     */
    boolean isKeyword(SourceWindow text, String keyword) {
        if (kind != Kind.WORD || end - start != keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            int c = text.at(start + i);
            int upper = c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
            if (upper != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean isSymbol(SourceWindow text, char symbol) {
        return kind == Kind.OTHER && end - start == 1 && text.at(start) == symbol;
    }

    String textIn(SourceWindow text) {
        return text.text(start, end);
    }
}
