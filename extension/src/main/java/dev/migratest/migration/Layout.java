package dev.migratest.migration;

/** How a migrations folder is laid out: which files are migrations, how they are named, paired and ordered. */
public enum Layout {
    /** Detect the layout from the folder's file names and, for single-file scripts, from the markers inside. */
    AUTO,
    /** {@code V<version>__<description>.sql} plus optional undo {@code U<version>__<description>.sql}. */
    FLYWAY,
    /** {@code <n>_<name>.up.sql} + {@code <n>_<name>.down.sql}; also sqlx, including its plain forward-only files. */
    GOLANG_MIGRATE,
    /** Directories {@code <version>_<name>/} holding {@code up.sql} and {@code down.sql}. */
    DIESEL,
    /** {@code up/<n>_<name>.sql} + {@code down/<n>_<name>.sql} with the same file name. */
    SPLIT_FOLDERS,
    /** Single files {@code <n>_<name>.sql} with {@code -- UP} and {@code -- DOWN} marker lines. */
    UP_DOWN_MARKERS,
    /** Single files with {@code -- migrate:up} and {@code -- migrate:down}. */
    DBMATE,
    /** Single files with {@code -- +goose Up} and {@code -- +goose Down}. */
    GOOSE,
    /** Single files with {@code -- +migrate Up} and {@code -- +migrate Down}. */
    SQL_MIGRATE,
    /** Directories {@code <timestamp>_<name>/migration.sql}, forward-only by nature. */
    PRISMA,
    /**
     * A project's own naming, described by a regular expression with the named groups {@code version}, {@code name}
     * and {@code direction} ({@code naming} of {@code @MigrationTest}); chosen by AUTO whenever a naming is given.
     */
    PATTERN
}
