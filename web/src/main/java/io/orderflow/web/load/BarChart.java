package io.orderflow.web.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A bar chart drawn on the server as inline SVG: the geometry of each bar in a fixed view box,
 * scaled to the largest value (at least 1, so an idle platform draws flat bars, not a division by
 * zero). The page shows the same numbers in a table for screen readers.
 */
public record BarChart(String title, int width, int height, List<Bar> bars) {

    static final int WIDTH = 480;
    static final int HEIGHT = 200;
    private static final int LABEL_SPACE = 28;
    private static final int VALUE_SPACE = 16;
    private static final int GAP = 8;

    /** One bar: where to draw it, and what it says. */
    public record Bar(String label, long value, int x, int y, int barWidth, int barHeight, int labelY) {

        public int centre() {
            return x + barWidth / 2;
        }

        public int valueY() {
            return y - 4;
        }
    }

    static <T> BarChart of(String title, List<T> items, java.util.function.Function<T, String> label,
            ToLongFunction<T> value) {
        long max = Math.max(1, items.stream().mapToLong(value).max().orElse(1));
        int count = Math.max(1, items.size());
        int slot = WIDTH / count;
        int barWidth = Math.max(4, slot - GAP);
        int plotHeight = HEIGHT - LABEL_SPACE - VALUE_SPACE;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            long v = value.applyAsLong(item);
            int barHeight = (int) Math.round((double) v / max * plotHeight);
            int y = VALUE_SPACE + plotHeight - barHeight;
            bars.add(new Bar(label.apply(item), v, i * slot + GAP / 2, y, barWidth, barHeight, HEIGHT - 8));
        }
        return new BarChart(title, WIDTH, HEIGHT, bars);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /** Where the baseline sits (the bottom of every bar). */
    public int baseline() {
        return height - LABEL_SPACE;
    }
}
