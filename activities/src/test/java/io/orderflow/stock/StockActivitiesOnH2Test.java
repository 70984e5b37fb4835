package io.orderflow.stock;

import io.orderflow.testing.Databases;
import io.orderflow.testing.StockServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The stock migrations and queries on H2 in MySQL mode, the embedded platform's database. */
@SpringBootTest(classes = StockServiceApp.class)
class StockActivitiesOnH2Test extends StockActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "stock");
    }
}
