package dev.migratest.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the layout of a folder for {@link Layout#AUTO} from its file names and, for single-file scripts, from the
 * markers inside. Exactly one layout must fit; otherwise one problem names what was seen and the candidates.
 */
final class LayoutDetector {

    private static final int SHOWN = 5;

    private LayoutDetector() {
    }

    static LayoutReader detect(String location, MigrationFolder folder) {
        Map<LayoutReader, String> fits = new LinkedHashMap<>();
        for (LayoutReader reader : Layouts.all()) {
            reader.evidence(folder).ifPresent(evidence -> fits.put(reader, evidence));
        }
        if (fits.isEmpty()) {
            GolangMigrateLayout.simpleEvidence(folder)
                    .ifPresent(evidence -> fits.put(Layouts.of(Layout.SQLX), evidence));
        }
        if (fits.size() == 1) {
            return fits.keySet().iterator().next();
        }
        throw new MigrationDefinitionException(location, List.of(fits.isEmpty()
                ? nothingFits(location, folder)
                : ambiguous(location, fits)));
    }

    private static DefinitionProblem nothingFits(String location, MigrationFolder folder) {
        if (folder.files().stream().noneMatch(NotMigration::isSql)) {
            return noMigrations(location, Layouts.all(), folder.files());
        }
        List<String> seen = new ArrayList<>(folder.files());
        return new DefinitionProblem(location, null, "files that fit no layout: " + shown(seen),
                "one of the layouts " + Layouts.forms(Layouts.all()),
                "set the layout explicitly instead of AUTO; each file that does not fit it is then reported with its"
                        + " correct form");
    }

    private static DefinitionProblem ambiguous(String location, Map<LayoutReader, String> fits) {
        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        fits.forEach((reader, evidence) -> {
            seen.add(evidence + " (" + reader.layout() + ")");
            names.add(reader.layout().name());
        });
        String candidates = String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1);
        return new DefinitionProblem(location, null, "files of " + fits.size() + " layouts: " + String.join(", ", seen),
                "the files of one layout per location",
                "set the layout explicitly (" + candidates + ") instead of AUTO; files that do not fit it are then"
                        + " reported");
    }

    /** The problem for a location without migrations, naming the layouts looked for and the files seen. */
    static DefinitionProblem noMigrations(String location, List<LayoutReader> lookedFor, List<String> seen) {
        String found = seen.isEmpty() ? "no migrations" : "no migrations, only " + shown(seen);
        String expected = lookedFor.size() == 1
                ? "migrations in layout " + Layouts.forms(lookedFor)
                : "migrations in one of the layouts " + Layouts.forms(lookedFor);
        return new DefinitionProblem(location, null, found, expected, "correct the location, or add migrations to it");
    }

    private static String shown(List<String> files) {
        String shown = String.join(", ", files.subList(0, Math.min(files.size(), SHOWN)));
        return files.size() > SHOWN ? shown + " and " + (files.size() - SHOWN) + " more" : shown;
    }
}
