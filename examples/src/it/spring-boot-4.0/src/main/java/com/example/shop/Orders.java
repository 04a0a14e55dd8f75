package com.example.shop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application's one query against the schema the migrations build. */
@Repository
public class Orders {
    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long countPaid() {
        return jdbc.sql("SELECT count(*) FROM orders WHERE status = 'paid'").query(Long.class).single();
    }
}
