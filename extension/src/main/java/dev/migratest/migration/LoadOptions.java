package dev.migratest.migration;

import java.util.Map;

/**
 * How {@link MigrationLoader} reads a location.
 *
 * @param layout           the folder's layout, or {@link Layout#AUTO} to detect it ({@link Layout#PATTERN} when a
 *                         naming is given)
 * @param naming           the project's own naming for {@link Layout#PATTERN}; {@code null} for the built-in layouts
 * @param placeholders     Flyway placeholder values given to migratest ({@code schema → app}); they win over those of
 *                         {@code flyway.conf} and {@code spring.flyway.placeholders.*}
 * @param allowForwardOnly accept migrations without a down ({@link Migration#down()} is then {@code null})
 */
public record LoadOptions(Layout layout, NamingPattern naming, Map<String, String> placeholders,
                          boolean allowForwardOnly) {
    public LoadOptions {
        placeholders = Map.copyOf(placeholders);
    }

    public static LoadOptions of(Layout layout, boolean allowForwardOnly) {
        return new LoadOptions(layout, null, Map.of(), allowForwardOnly);
    }

    /** The layout that reads the folder: PATTERN whenever a naming is given to AUTO. */
    Layout effectiveLayout() {
        return layout == Layout.AUTO && naming != null ? Layout.PATTERN : layout;
    }
}
