package dev.migratest.migration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Two folders: {@code up/<n>_<name>.sql} and {@code down/<n>_<name>.sql} with the same file name, in number order. */
final class SplitFoldersLayout implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("^(up|down)/(\\d+)_([^/]*)\\.sql$");

    @Override
    public Layout layout() {
        return Layout.SPLIT_FOLDERS;
    }

    @Override
    public String form() {
        return "up/<number>_<name>.sql + down/<number>_<name>.sql";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> (file.startsWith("up/") || file.startsWith("down/")) && NotMigration.isSql(file))
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        Map<VersionKey, String> upFiles = new HashMap<>();
        Map<String, Part> downs = new HashMap<>();
        for (String file : folder.files()) {
            Matcher match = NAME.matcher(file);
            if (match.matches()) {
                Part part = new Part(VersionKey.of(match.group(2)), match.group(2), match.group(3),
                        Scripts.read(folder, file, TransactionRules.own(null), out));
                boolean up = match.group(1).equals("up");
                out.part(up, part);
                if (up) {
                    upFiles.putIfAbsent(part.key(), MigrationFolder.name(file));
                } else {
                    downs.put(file, part);
                }
            } else if (NotMigration.isSql(file)) {
                NameGuess guess = NameGuess.of(file);
                String folderName = file.startsWith("down/") ? "down" : "up";
                out.problem(file, null, "a file that is not up/<number>_<name>.sql or down/<number>_<name>.sql",
                        form(), "rename it, e.g. to " + folderName + "/" + guess.number() + "_" + guess.description()
                                + ".sql");
            } else {
                out.skip(file);
            }
        }
        downs.forEach((file, down) -> {
            String upName = upFiles.get(down.key());
            if (upName != null && !upName.equals(MigrationFolder.name(file))) {
                out.problem(file, null, "a down whose name differs from up/" + upName,
                        "the same file name in up/ and down/", "rename " + file + " to down/" + upName);
            }
        });
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        String down = "down/" + MigrationFolder.name(up.file());
        return new DefinitionProblem(up.file(), null, "no " + down, down + " with the same name",
                "add " + down + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        String up = "up/" + MigrationFolder.name(down.file());
        return new DefinitionProblem(down.file(), null, "no " + up, up + " with the same name",
                "add " + up + ", or fix the number of " + down.file());
    }
}
