package dev.migratest.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's text reduced to what a rule may read as a hint: comments removed, string and dollar-quoted contents
 * emptied (so a keyword inside them never counts), whitespace collapsed, case kept for names in messages. The trace
 * decides whether a rule fires; this only says what kind of statement the trace belongs to.
 */
final class SqlText {

    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?((?:\"[^\"]*\"|[^\\s\"(,]+)(?:\\.(?:\"[^\"]*\"|[^\\s\"(,]+))?)\\s*\\*?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIVIAL = Pattern.compile(
            "^(?:SET|RESET|SHOW|COMMENT|GRANT|REVOKE|BEGIN|COMMIT|END|START|SAVEPOINT|RELEASE)\\b",
            Pattern.CASE_INSENSITIVE);

    private final String clean;

    private SqlText(String clean) {
        this.clean = clean;
    }

    static SqlText of(String sql) {
        return new SqlText(strip(sql == null ? "" : sql));
    }

    String clean() {
        return clean;
    }

    /** Case-insensitive search of {@code regex} in the cleaned text. */
    boolean has(String regex) {
        return pattern(regex).matcher(clean).find();
    }

    boolean startsWith(String regex) {
        return pattern("^(?:" + regex + ")\\b").matcher(clean).find();
    }

    /** Rules ask the same few questions of every statement: each pattern is compiled once. */
    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE));
    }

    /** Statements that change no data and lock nothing worth mentioning: settings, comments, grants. */
    boolean trivial() {
        return clean.isEmpty() || TRIVIAL.matcher(clean).find();
    }

    /** Words that continue a command's name ({@code ALTER TABLE}, {@code REFRESH MATERIALIZED VIEW}); a name does not. */
    private static final java.util.Set<String> COMMAND_WORDS = java.util.Set.of("TABLE", "INDEX", "UNIQUE", "VIEW",
            "MATERIALIZED", "SEQUENCE", "TYPE", "DOMAIN", "FUNCTION", "PROCEDURE", "TRIGGER", "SCHEMA", "EXTENSION",
            "POLICY", "RULE", "FROM", "INTO", "FULL", "OR", "REPLACE", "CONSTRAINT", "ON", "DATABASE", "ROLE",
            "STATISTICS", "COLLATION", "AGGREGATE", "OPERATOR", "FOREIGN", "EVENT", "TEMP", "TEMPORARY", "UNLOGGED");
    private static final Pattern VACUUM_OPTIONS = Pattern.compile("^VACUUM\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    /**
     * How a message names the statement: its command without the names it acts on ({@code CREATE INDEX},
     * {@code ALTER TABLE}, {@code TRUNCATE}, {@code CLUSTER}, {@code VACUUM FULL}, {@code REFRESH MATERIALIZED VIEW}).
     */
    String verb() {
        Matcher index = Pattern.compile("^CREATE\\s+(?:UNIQUE\\s+)?INDEX", Pattern.CASE_INSENSITIVE).matcher(clean);
        if (index.find()) {
            return index.group().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        }
        Matcher vacuum = VACUUM_OPTIONS.matcher(clean);
        if (vacuum.find()) {
            return vacuum.group(1).toUpperCase(Locale.ROOT).matches(".*\\bFULL\\b(?!\\s+(?:FALSE|OFF|0)\\b).*")
                    ? "VACUUM FULL" : "VACUUM";
        }
        String[] words = clean.split(" ", 5);
        StringBuilder verb = new StringBuilder(words[0].toUpperCase(Locale.ROOT));
        for (int i = 1; i < Math.min(words.length, 4); i++) {
            String word = words[i].toUpperCase(Locale.ROOT);
            if (!COMMAND_WORDS.contains(word)) break;
            verb.append(' ').append(word);
        }
        return verb.toString();
    }

    /** The table of an {@code ALTER TABLE} as written ({@code orders}, {@code public."Orders"}); {@code null} otherwise. */
    String alteredTable() {
        Matcher m = ALTER_TABLE.matcher(clean);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The subcommands of an {@code ALTER TABLE}, without the {@code ALTER TABLE name} prefix: {@code ADD COLUMN a int},
     * {@code ALTER COLUMN b TYPE bigint}. Empty for any other statement.
     */
    List<String> actions() {
        Matcher m = ALTER_TABLE.matcher(clean);
        if (!m.find()) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        int depth = 0;
        int start = m.end();
        for (int i = start; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                actions.add(clean.substring(start, i).strip());
                start = i + 1;
            }
        }
        actions.add(clean.substring(start).strip());
        actions.removeIf(String::isEmpty);
        return actions;
    }

    /** Comments out, quoted contents emptied, whitespace collapsed. */
    private static String strip(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') i++;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
                out.append(' ');
            } else if (c == '\'') {
                i = endOfString(sql, i);
                out.append("''");
            } else if (c == '$') {
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = tagEnd > i ? sql.substring(i, tagEnd + 1) : null;
                if (tag != null && tag.substring(1, tag.length() - 1).matches("[A-Za-z_]*")) {
                    int close = sql.indexOf(tag, tagEnd + 1);
                    i = close < 0 ? n : close + tag.length();
                    out.append("$$");
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static int endOfBlockComment(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        return i;
    }

    /** After the closing quote; {@code ''} inside is an escaped quote, {@code E'…'} backslashes are honoured. */
    private static int endOfString(String sql, int from) {
        boolean escapes = from > 0 && (sql.charAt(from - 1) == 'E' || sql.charAt(from - 1) == 'e');
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
