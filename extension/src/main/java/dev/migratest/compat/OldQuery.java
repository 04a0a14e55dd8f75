package dev.migratest.compat;

import java.util.List;
import java.util.Objects;

/**
 * One query of the previous application version, as written in the old-queries file.
 *
 * @param file        the file's name, for messages
 * @param line        1-based line on which the query's first token stands
 * @param name        from a {@code -- name:} comment, else {@code line N}
 * @param sql         the query without its terminating semicolon, unchanged (it may use {@code $1}, {@code $2}, …)
 * @param params      the SQL expressions for {@code $1}, {@code $2}, … in order, from a {@code -- params:} comment;
 *                    empty when the query has no parameters
 * @param prepareOnly {@code true} ({@code -- prepare-only}): only prepared, which resolves every name and type
 *                    against the schema but runs nothing, so constraint violations cannot show
 */
public record OldQuery(String file, int line, String name, String sql, List<String> params, boolean prepareOnly) {

    public OldQuery {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }

    /** A query without parameters, executed as it stands. */
    public OldQuery(String file, int line, String name, String sql) {
        this(file, line, name, sql, List.of(), false);
    }

    /** {@code file:line}, e.g. {@code app-v1.sql:12}. */
    public String where() {
        return file + ":" + line;
    }
}
