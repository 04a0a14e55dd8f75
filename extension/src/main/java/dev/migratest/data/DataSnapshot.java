package dev.migratest.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fingerprints of every user table at one moment of a rehearsal (S0, S1, S2 or S3). */
public record DataSnapshot(Map<String, TableFingerprint> tables) {
    public DataSnapshot {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }
}
