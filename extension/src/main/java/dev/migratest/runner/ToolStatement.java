package dev.migratest.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One statement a migration tool runs on its own table, with its parameters.
 *
 * @param sql        the statement, {@code ?} for each parameter
 * @param parameters the parameters in order
 */
record ToolStatement(String sql, List<Object> parameters) {

    ToolStatement {
        parameters = List.copyOf(parameters);
    }

    static ToolStatement of(String sql, Object... parameters) {
        return new ToolStatement(sql, List.of(parameters));
    }

    void execute(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statement.execute();
        }
    }
}
