package io.orderflow.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.Databases;
import io.orderflow.testing.StockServiceApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The stock service's own migrations create the schema and nothing else: no demo product in production. */
@SpringBootTest(classes = StockServiceApp.class, properties = "spring.main.web-application-type=none")
class ProductionCatalogTest {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "stock_production_catalog");
    }

    @Test
    void aProductionDatabaseStartsWithAnEmptyCatalog(@Autowired JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product", Integer.class)).isZero();
    }
}
