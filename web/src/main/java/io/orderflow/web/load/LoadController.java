package io.orderflow.web.load;

import io.orderflow.web.gateway.GatewayException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's load page: for each task queue its backlog and pollers, and the orders completed
 * per minute, as charts redrawn every few seconds (htmx swaps the {@code charts} fragment). What the
 * Temporal server does not report is said, never drawn as zero.
 */
@Controller
class LoadController {

    static final int REFRESH_SECONDS = 5;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final PlatformClient platform;

    LoadController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/console/load")
    String page(Model model) {
        charts(model);
        return "console/load";
    }

    @GetMapping("/console/load/charts")
    String fragment(Model model) {
        charts(model);
        return "console/load :: charts";
    }

    private void charts(Model model) {
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        PlatformLoad load;
        try {
            load = platform.load();
        } catch (GatewayException refusal) {
            if (refusal.status() != 501 && refusal.status() != 503) {
                throw refusal;
            }
            model.addAttribute("loadProblem", refusal.detail());
            return;
        }
        model.addAttribute("load", load);
        List<PlatformLoad.TaskQueueLoad> queues = load.taskQueues();
        boolean backlogReported = queues.stream().allMatch(queue -> queue.backlog() != null);
        boolean pollersReported = queues.stream().allMatch(queue -> queue.pollers() != null);
        model.addAttribute("backlogReported", backlogReported);
        model.addAttribute("pollersReported", pollersReported);
        if (backlogReported) {
            model.addAttribute("backlogChart", BarChart.of("Backlog (tasks waiting)", queues,
                    PlatformLoad.TaskQueueLoad::name, queue -> Objects.requireNonNull(queue.backlog())));
        }
        if (pollersReported) {
            model.addAttribute("pollersChart", BarChart.of("Pollers (workers asking for tasks)", queues,
                    PlatformLoad.TaskQueueLoad::name, queue -> Objects.requireNonNull(queue.pollers())));
        }
        if (load.completions() != null) {
            model.addAttribute("completionsChart", BarChart.of("Orders completed per minute (UTC)",
                    load.completions(), bucket -> MINUTE.format(bucket.from()), PlatformLoad.Completions::completed));
        }
    }
}
