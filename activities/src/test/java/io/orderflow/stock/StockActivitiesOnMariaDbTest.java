package io.orderflow.stock;

import static io.orderflow.testing.Concurrently.runTogether;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.checkout.OrderLine;
import io.orderflow.testing.Databases;
import io.orderflow.testing.StockServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The stock activities on a real MariaDB server, including what only real concurrency can show. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = StockServiceApp.class)
class StockActivitiesOnMariaDbTest extends StockActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "stock");
    }

    @Test
    void concurrentOrdersForScarceStockAreGrantedExactlyTheAvailableUnitsAndNeverMore() throws Exception {
        String poster = stocked(4900, "EUR", 10);
        int orders = 40;

        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = newOrderId();
            attempts.add(() -> {
                try {
                    stock.reserve(orderId, List.of(new OrderLine(poster, 1)));
                    return true;
                } catch (ApplicationFailure failure) {
                    assertThat(failure.getType()).isEqualTo(StockFailures.OUT_OF_STOCK);
                    return false;
                }
            });
        }
        List<Boolean> granted = runTogether(attempts);

        assertThat(granted.stream().filter(Boolean::booleanValue).count()).isEqualTo(10);
        assertThat(available(poster)).isZero();
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM reservation_line l"
                + " JOIN reservation r ON r.order_id = l.order_id WHERE l.sku = ? AND r.state = 'RESERVED'",
                Integer.class, poster)).as("reserved + available = what was stocked").isEqualTo(10);
    }

    @Test
    void theSameOrderReservedConcurrentlyHoldsOneReservation() throws Exception {
        String mug = stocked(1250, "EUR", 100);
        String orderId = newOrderId();

        List<Callable<StockReservation>> duplicates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            duplicates.add(() -> stock.reserve(orderId, List.of(new OrderLine(mug, 3))));
        }
        List<StockReservation> answers = runTogether(duplicates);

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(available(mug)).isEqualTo(97);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE order_id = ?", Integer.class, orderId))
                .isEqualTo(1);
    }

    @Test
    void concurrentReleasesOfOneOrderGiveTheStockBackOnce() throws Exception {
        String mug = stocked(1250, "EUR", 20);
        String orderId = newOrderId();
        stock.reserve(orderId, List.of(new OrderLine(mug, 5)));

        List<Callable<Boolean>> releases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            releases.add(() -> {
                stock.release(orderId);
                return true;
            });
        }
        runTogether(releases);

        assertThat(available(mug)).isEqualTo(20);
    }
}
