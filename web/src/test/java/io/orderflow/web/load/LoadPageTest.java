package io.orderflow.web.load;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.web.support.PagesTest;
import org.junit.jupiter.api.Test;

class LoadPageTest extends PagesTest {

    @Test
    void theChartsDrawEachQueuesBacklogAndPollersAndTheCompletionsPerMinute() throws Exception {
        GATEWAY.answer("GET /api/v1/platform/load", "{\"at\":\"2026-11-24T10:05:00Z\",\"taskQueues\":["
                + "{\"name\":\"checkout\",\"pollers\":2,\"backlog\":0},{\"name\":\"stock\",\"pollers\":1,\"backlog\":7}],"
                + "\"completions\":[{\"from\":\"2026-11-24T10:03:00Z\",\"to\":\"2026-11-24T10:04:00Z\",\"completed\":4,\"failed\":1},"
                + "{\"from\":\"2026-11-24T10:04:00Z\",\"to\":\"2026-11-24T10:05:00Z\",\"completed\":0,\"failed\":0}]}");

        mvc.perform(get("/console/load").with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-backlog\"")))
                .andExpect(content().string(containsString("<title>stock: 7</title>")))
                .andExpect(content().string(containsString("<title>checkout: 2</title>")))
                .andExpect(content().string(containsString("<title>10:03: 4</title>")))
                .andExpect(content().string(containsString("hx-get=\"/console/load/charts\"")))
                .andExpect(content().string(not(containsString("does not report"))));
    }

    @Test
    void whatTheServerDoesNotReportIsSaidAndNotDrawnAsZero() throws Exception {
        GATEWAY.answer("GET /api/v1/platform/load", "{\"at\":\"2026-11-24T10:05:00Z\",\"taskQueues\":["
                + "{\"name\":\"checkout\",\"pollers\":null,\"backlog\":null}],\"completions\":null}");

        mvc.perform(get("/console/load/charts").with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("does not report task-queue backlogs")))
                .andExpect(content().string(containsString("does not report task-queue pollers")))
                .andExpect(content().string(containsString("cannot count completed orders")))
                .andExpect(content().string(containsString("not reported")))
                .andExpect(content().string(not(containsString("<svg"))));
    }
}
