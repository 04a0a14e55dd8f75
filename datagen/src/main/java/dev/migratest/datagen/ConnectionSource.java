package dev.migratest.datagen;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the database to load; the loader closes it. {@code dataSource::getConnection} fits. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
