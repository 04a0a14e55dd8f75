package com.example.shop;

import dev.migratest.DisabledWithoutContainerEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own test, on the shared container through Spring Boot's @ServiceConnection. */
@SpringBootTest
@Import(TestcontainersConfiguration.class)
@DisabledWithoutContainerEngine
@Sql(statements = "DROP TABLE IF EXISTS orders")
@Sql("/db/migration/V1__create_orders.sql")
@Sql(statements = "INSERT INTO orders (status, total_cents) VALUES ('paid', 1200), ('new', 300)")
class OrdersTest {
    @Autowired
    Orders orders;

    @Test
    void countsPaidOrders() {
        assertThat(orders.countPaid()).isEqualTo(1);
    }
}
