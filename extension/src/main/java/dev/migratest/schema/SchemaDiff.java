package dev.migratest.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The differences between two {@link SchemaSnapshot}s, one readable line each. */
public final class SchemaDiff {

    static final String NONE = "(none)";
    static final String ARROW = " → ";

    private SchemaDiff() {
    }

    /**
     * One readable line per difference, sorted, empty when equal. {@code expected} is the reference state (e.g. before
     * UP), {@code actual} the state to check (e.g. after DOWN). Lines read from expected to actual:
     * <pre>
     * column public.users.phone: type character varying(20) → text
     * column public.users.phone: missing (expected: text, nullable)
     * index public.users_email_idx: unexpected (CREATE INDEX users_email_idx ON public.users USING btree (email))
     * constraint public.orders.orders_user_fk: validated true → false
     * </pre>
     * The objects of a missing or unexpected table (its columns, indexes, constraints …) are not listed again.
     * With {@link ColumnOrder#STRICT} a column's position is reported when its order relative to the other columns
     * of both snapshots changed (so a missing column does not also report every column after it as moved);
     * with {@link ColumnOrder#IGNORE} positions are not compared.
     */
    public static List<String> between(SchemaSnapshot expected, SchemaSnapshot actual, ColumnOrder order) {
        return compare(expected, actual, order, FrozenClock.NONE).differences();
    }

    /**
     * As {@link #between}, but an attribute whose only change is a date/time literal the clock froze at creation
     * ({@link FrozenClock}) is a note, not a difference.
     */
    public static SchemaComparison compare(SchemaSnapshot expected, SchemaSnapshot actual, ColumnOrder order,
                                           FrozenClock clock) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(order, "order");
        Map<String, SchemaObject> before = expected.objects();
        Map<String, SchemaObject> after = actual.objects();
        TreeSet<String> identities = new TreeSet<>(before.keySet());
        identities.addAll(after.keySet());
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String identity : identities) {
            SchemaObject was = before.get(identity);
            SchemaObject is = after.get(identity);
            if (is == null) {
                if (!onlyIn(was.parent(), before, after)) {
                    lines.add(identity + ": missing" + parenthesized("expected: ", Summary.of(was, expected)));
                }
            } else if (was == null) {
                if (!onlyIn(is.parent(), after, before)) {
                    lines.add(identity + ": unexpected" + parenthesized("", Summary.of(is, actual)));
                }
            } else {
                attributeLines(was, is, lines, notes, clock);
            }
        }
        if (order == ColumnOrder.STRICT) {
            ColumnPositions.moved(before, after, lines);
        }
        Collections.sort(lines);
        Collections.sort(notes);
        return new SchemaComparison(lines, notes);
    }

    private static void attributeLines(SchemaObject was, SchemaObject is, List<String> lines, List<String> notes,
                                       FrozenClock clock) {
        TreeSet<String> names = new TreeSet<>(was.attributes().keySet());
        names.addAll(is.attributes().keySet());
        if (was.kind().equals("column")) {
            names.remove(ColumnPositions.POSITION); // compared by ColumnPositions, as an order
        }
        for (String name : names) {
            String before = was.attribute(name);
            String after = is.attribute(name);
            if (Objects.equals(before, after)) {
                continue;
            }
            java.util.Optional<String> frozen = clock.explain(was.identity(), name, before, after);
            if (frozen.isPresent()) {
                notes.add(frozen.get());
                continue;
            }
            String left = NONE;
            String right = NONE;
            if (before != null && after != null) {
                String[] excerpts = Excerpt.pair(before, after);
                left = excerpts[0];
                right = excerpts[1];
            } else if (before != null) {
                left = Excerpt.of(before);
            } else {
                right = Excerpt.of(after);
            }
            lines.add(was.identity() + ": " + name + " " + left + ARROW + right);
        }
    }

    /** Whether the parent is itself reported as missing or unexpected: in {@code in} and not in {@code notIn}. */
    private static boolean onlyIn(String parent, Map<String, SchemaObject> in, Map<String, SchemaObject> notIn) {
        return parent != null && in.containsKey(parent) && !notIn.containsKey(parent);
    }

    private static String parenthesized(String prefix, String summary) {
        return summary.isEmpty() ? "" : " (" + prefix + summary + ")";
    }
}
