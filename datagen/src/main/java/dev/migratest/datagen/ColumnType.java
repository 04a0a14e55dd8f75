package dev.migratest.datagen;

import java.util.List;

/**
 * A column's type, resolved through domains down to the base type.
 *
 * @param declared      the declared type as {@code format_type(atttypid, atttypmod)} prints it, e.g.
 *                      {@code character varying(40)}, {@code positive_int}, {@code integer[]}
 * @param base          the base type after resolving domains, as {@code format_type} prints it with its modifier,
 *                      e.g. {@code integer}, {@code character varying(20)}, {@code public.hstore}
 * @param category      what kind of values the base type holds
 * @param domain        the domain the column is declared with, or {@code null}
 * @param maxLength     for varchar(n)/char(n): n, in characters; otherwise {@code null}
 * @param precision     for numeric(p,s): p; otherwise {@code null}
 * @param scale         for numeric(p,s): s (may be negative on PostgreSQL 15+); otherwise {@code null}
 * @param enumLabels    for {@link TypeCategory#ENUM}: the labels in sort order; otherwise empty
 * @param element       for {@link TypeCategory#ARRAY}: the element type (itself resolved); otherwise {@code null}
 * @param dimensions    for {@link TypeCategory#ARRAY}: the declared number of dimensions ({@code int[][]} → 2);
 *                      PostgreSQL does not enforce it and reports 0 when unknown, which is given here as 1
 * @param extensionText true for a string type that is not built in (citext and the like): generate text for it,
 *                      but its comparison rules (case-insensitive uniqueness…) are the extension's
 */
public record ColumnType(String declared, String base, TypeCategory category, Domain domain, Integer maxLength,
                         Integer precision, Integer scale, List<String> enumLabels, ColumnType element,
                         int dimensions, boolean extensionText) {

    public ColumnType {
        enumLabels = List.copyOf(enumLabels);
    }

    /** For {@link TypeCategory#INTEGER}: the smallest value of the type; otherwise {@code null}. */
    public Long minValue() {
        return switch (category == TypeCategory.INTEGER ? base : "") {
            case "smallint" -> (long) Short.MIN_VALUE;
            case "integer" -> (long) Integer.MIN_VALUE;
            case "bigint" -> Long.MIN_VALUE;
            default -> null;
        };
    }

    /** For {@link TypeCategory#INTEGER}: the largest value of the type; otherwise {@code null}. */
    public Long maxValue() {
        return switch (category == TypeCategory.INTEGER ? base : "") {
            case "smallint" -> (long) Short.MAX_VALUE;
            case "integer" -> (long) Integer.MAX_VALUE;
            case "bigint" -> Long.MAX_VALUE;
            default -> null;
        };
    }

    /** Whether datagen has no generator for this type: UNKNOWN itself or an array of UNKNOWN elements. */
    public boolean unsupported() {
        return category == TypeCategory.UNKNOWN || (element != null && element.unsupported());
    }

    /** The name to report for an unsupported type: the innermost unknown base type. */
    public String unsupportedTypeName() {
        return element != null && element.unsupported() ? element.unsupportedTypeName() : base;
    }

    /** A plain (non-domain, non-array) type of the given category, for hand-built models. */
    public static ColumnType of(String name, TypeCategory category) {
        return new ColumnType(name, name, category, null, null, null, null, List.of(), null, 0, false);
    }
}
