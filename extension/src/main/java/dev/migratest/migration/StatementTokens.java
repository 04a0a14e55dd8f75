package dev.migratest.migration;

import java.util.List;

/** The tokens of one statement, with the keyword tests that telling statements apart needs. */
final class StatementTokens {
    private final SourceWindow text;
    private final List<SqlToken> tokens;

    /** @param text holds the statement's text while this is used */
    StatementTokens(SourceWindow text, List<SqlToken> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    int size() {
        return tokens.size();
    }

    SqlToken get(int index) {
        return tokens.get(index);
    }

    /** Whether the token at {@code index} exists and is the unquoted keyword {@code keyword} (upper case). */
    boolean isKeyword(int index, String keyword) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isKeyword(text, keyword);
    }

    boolean isSymbol(int index, char symbol) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(text, symbol);
    }

    /** Whether the statement opens with exactly these keywords (upper case), in this order. */
    boolean startsWith(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!isKeyword(i, keywords[i])) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first token at or after {@code from} that is the keyword, or -1. */
    int indexOfKeyword(String keyword, int from) {
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            if (tokens.get(i).isKeyword(text, keyword)) {
                return i;
            }
        }
        return -1;
    }

    boolean containsKeyword(String keyword) {
        return indexOfKeyword(keyword, 0) >= 0;
    }

    /** Index of the token after the parenthesised group that opens at {@code open}, or {@code open} if none does. */
    int skipParenthesised(int open) {
        if (!isSymbol(open, '(')) {
            return open;
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (isSymbol(i, '(')) {
                depth++;
            } else if (isSymbol(i, ')') && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    /** The token's text as written, or {@code ""} past the end. */
    String textOf(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index).textIn(text) : "";
    }

    /** Whether the statement is {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}: the only one with a BEGIN ATOMIC body. */
    boolean definesRoutine() {
        int what = startsWith("CREATE", "OR", "REPLACE") ? 3 : 1;
        return isKeyword(0, "CREATE") && (isKeyword(what, "FUNCTION") || isKeyword(what, "PROCEDURE"));
    }
}
