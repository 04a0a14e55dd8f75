package dev.migratest.postgres;

import java.util.List;

/**
 * Server settings that trade durability for speed. Opt-in only ({@value #PROPERTY}=true): they change what a
 * migration costs (no WAL flush, no full-page images), so timings and lock hold times measured with them on are not
 * the ones production will see.
 */
public final class FastProfile {
    public static final String PROPERTY = "migratest.postgres.fast";
    static final List<String> SETTINGS = List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off");

    private FastProfile() {
    }
}
