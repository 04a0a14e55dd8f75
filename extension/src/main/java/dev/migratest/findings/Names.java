package dev.migratest.findings;

import java.util.Locale;

/**
 * Compares a name as a migration wrote it ({@code orders}, {@code Sales.Orders}, {@code "Orders"}) with the
 * schema-qualified name the tracer recorded ({@code public.orders}), the way PostgreSQL resolves it: unquoted parts
 * fold to lower case, an unqualified name matches any schema (the trace only holds what the statement touched).
 */
final class Names {

    private Names() {
    }

    static boolean matches(String qualified, String written) {
        if (qualified == null || written == null) {
            return false;
        }
        String wanted = normalise(written);
        return wanted.contains(".") ? qualified.equals(wanted) : unqualified(qualified).equals(wanted);
    }

    static String unqualified(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    /** {@code public."Orders"} → {@code public.Orders}; {@code Orders} → {@code orders}. */
    static String normalise(String written) {
        StringBuilder out = new StringBuilder();
        for (String part : written.strip().split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (out.length() > 0) out.append('.');
            out.append(part.startsWith("\"") && part.endsWith("\"") && part.length() >= 2
                    ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                    : part.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
