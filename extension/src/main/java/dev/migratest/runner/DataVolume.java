package dev.migratest.runner;

import dev.migratest.datagen.Volume;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much data each table holds while migrations run: {@code defaultRows} per table (0: tables stay empty),
 * per-table overrides, ratios to a parent ("3 orders per user"), and the seed that makes the data the same on every
 * run; {@code hostileEdges} adds values a later migration may choke on (json with \u0000, duplicate keys).
 */
public record DataVolume(long defaultRows, Map<String, Long> perTable, Map<String, Volume.Ratio> ratios, long seed,
                         boolean hostileEdges) {
    public static final DataVolume NONE = new DataVolume(0, Map.of(), Map.of(), 1, false);

    public DataVolume {
        // in the order given, so that messages about the names follow the person's list
        perTable = Collections.unmodifiableMap(new LinkedHashMap<>(perTable));
        ratios = Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    }

    public boolean loadsData() {
        return defaultRows > 0 || perTable.values().stream().anyMatch(rows -> rows > 0) || !ratios.isEmpty();
    }
}
