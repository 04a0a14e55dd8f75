package dev.migratest.runner;

import dev.migratest.datagen.ConnectionSource;
import dev.migratest.datagen.DatagenException;
import dev.migratest.datagen.LoadProgress;
import dev.migratest.datagen.TopUp;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data of one history's rehearsal: tops its tables up before each migration, all loads heard by one progress
 * listener (so that many short loads still show the rehearsal moving), and remembers which of the volume's names
 * have meant a table. A name that never does - a typo, a schema left out - would otherwise load nothing in silence.
 */
final class VolumeLoads {
    private final TopUp topUp;
    private final Set<String> meantATable = new HashSet<>();

    VolumeLoads(DataVolume volume, LoadProgress progress) {
        this.topUp = volume.loadsData() ? new TopUp(volume.defaultRows(), volume.perTable(), volume.ratios(),
                volume.seed(), volume.hostileEdges()).progress(progress) : null;
    }

    /**
     * Fills the tables that are still empty up to their volume; the rows each table holds then. {@code leftAlone}:
     * tables that hold no user data (the migration tool's own), never loaded nor counted.
     */
    Map<String, Long> topUp(ConnectionSource database, Set<String> leftAlone) throws SQLException {
        if (topUp == null) return Map.of();
        TopUp.Result result = topUp.run(database, leftAlone);
        topUp.names().stream().filter(name -> !result.waiting().contains(name)).forEach(meantATable::add);
        return result.present();
    }

    /**
     * The last migration's result, failed when a name of the volume has meant no table before any migration nor
     * after the last one: the volume asked for rows the rehearsal never had.
     */
    CycleResult checkNamesAfterLast(CycleResult last, ConnectionSource database) throws SQLException {
        if (topUp == null) return last;
        List<DatagenException.Problem> unknown = topUp.namesWithoutTable(database).stream()
                .filter(problem -> !meantATable.contains(problem.table())).toList();
        if (unknown.isEmpty()) return last;
        String ended = last.outcome() == Outcome.PASSED ? "passed" : "was skipped (" + last.skipReason() + ")";
        String failure = last.migration().displayName() + ": its rehearsal " + ended + ", but the data volume (rows,"
                + " tableRows) names " + (unknown.size() == 1 ? "a table" : unknown.size() + " tables")
                + " that no migration of the history creates, so no rows were loaded for "
                + (unknown.size() == 1 ? "it" : "them")
                // the first line is the one the console and the summary show: it names the first table itself
                + ": " + unknown.get(0).message()
                + unknown.stream().skip(1).map(p -> "\n  - " + p.message()).collect(Collectors.joining());
        return new CycleResult(last.migration(), Outcome.FAILED, null, failure, null, last.phases(), last.downVsBefore(),
                last.reupVsUp(), last.rows(), last.lockQueue(), last.data());
    }
}
