package dev.migratest.migration;

import java.util.List;

/** The readers of every concrete layout, in {@link Layout} order. */
final class Layouts {

    private static final List<LayoutReader> ALL = List.of(new FlywayLayout(),
            new GolangMigrateLayout(Layout.GOLANG_MIGRATE), new GolangMigrateLayout(Layout.SQLX), new DieselLayout(), new SplitFoldersLayout(), new UpDownMarkersLayout(), new DbmateLayout(),
            new GooseLayout(), new SqlMigrateLayout(), new PrismaLayout());

    private Layouts() {
    }

    static List<LayoutReader> all() {
        return ALL;
    }

    static LayoutReader of(Layout layout) {
        return ALL.stream().filter(reader -> reader.layout() == layout).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reader for layout " + layout));
    }

    /** Each layout with its form, e.g. {@code FLYWAY (V<version>__<description>.sql + …), GOLANG_MIGRATE (…)}. */
    static String forms(List<LayoutReader> readers) {
        StringBuilder forms = new StringBuilder();
        for (LayoutReader reader : readers) {
            forms.append(forms.length() == 0 ? "" : ", ").append(reader.layout()).append(" (").append(reader.form())
                    .append(')');
        }
        return forms.toString();
    }
}
