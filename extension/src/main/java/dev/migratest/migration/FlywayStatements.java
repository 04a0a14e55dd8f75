package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which statements Flyway itself sees as unable to run in a transaction: not PostgreSQL's list, but the one Flyway's
 * PostgreSQL parser checks (flyway 13.0, PostgreSQLParser.detectCanExecuteInTransaction, for PostgreSQL 12+), on the
 * words it reads, upper-cased: the unquoted words outside parentheses, the first ten at most. A statement PostgreSQL
 * refuses in a transaction but Flyway does not know (REINDEX INDEX … CONCURRENTLY, DETACH PARTITION … CONCURRENTLY)
 * is run by Flyway in its transaction, and fails there.
 */
final class FlywayStatements {

    private static final int WORDS_READ = 10;
    /** Every pattern below matches, when it does, within this many words: reading more cannot change the answer. */
    private static final int WORDS_DECIDING = 4;
    private static final List<Pattern> NON_TRANSACTIONAL = List.of(
            Pattern.compile("^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)"),
            Pattern.compile("^ALTER SYSTEM"),
            Pattern.compile("^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY"),
            Pattern.compile("^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)"),
            Pattern.compile("^VACUUM"),
            Pattern.compile("^DISCARD ALL"));

    private FlywayStatements() {
    }

    /**
     * Whether Flyway marks the statement non-transactional. Like Flyway, the test runs after each word read and the
     * whole of the words so far must match, so {@code VACUUM ANALYZE t} is caught at {@code VACUUM}.
     */
    static boolean cannotRunInTransaction(String sql) {
        StringBuilder simplified = new StringBuilder();
        for (String word : words(sql, WORDS_DECIDING)) {
            simplified.append(simplified.length() == 0 ? "" : " ").append(word);
            for (Pattern pattern : NON_TRANSACTIONAL) {
                if (pattern.matcher(simplified).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The words Flyway's parser counts as keywords, upper-cased, in order: words of letters and underscores only (a
     * word with a digit is an identifier to Flyway), outside parentheses, comments, strings, quoted identifiers and
     * dollar quotes; at most {@value #WORDS_READ}.
     */
    static List<String> words(String sql) {
        return words(sql, WORDS_READ);
    }

    /** The first {@code limit} of those words: a long statement is read no further than it needs to be. */
    private static List<String> words(String sql, int limit) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n && words.size() < limit) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'' || c == '"') {
                i = quotedEnd(sql, i, c);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                if (i < n && sql.charAt(i) == '\'') {
                    continue; // E'…', B'…', U&'…' prefixes: the string follows
                }
                String word = sql.substring(start, i);
                if (depth == 0 && word.chars().allMatch(ch -> Character.isLetter(ch) || ch == '_')) {
                    words.add(word.toUpperCase(Locale.ENGLISH));
                }
            } else {
                i++;
            }
        }
        return words;
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** After a {@code '…'} or {@code "…"} whose quote doubles inside it; backslashes of E strings are skipped too. */
    private static int quotedEnd(String sql, int start, char quote) {
        boolean escapes = quote == '\'' && start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e');
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} opening at {@code start}, {@code null} when none does. */
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }
}
