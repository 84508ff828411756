package com.westbethel.motel.adapters.web.site.staff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small line chart of one figure, minute by minute, drawn by the server as SVG coordinates the template writes into
 * {@code <polyline points>} (no chart library, no script, nothing the site's content security policy would refuse) on a
 * {@value #WIDTH} × {@value #HEIGHT} box. Each chart has its own vertical scale, from 0 to its series' highest value (which
 * its summary says); a minute without a value (no requests to average over) breaks the line instead of drawing a false 0.
 * {@link #summary} is the chart's text alternative: its accessible name, and what is printed under it.
 *
 * @param lines the polylines' {@code points}, one per unbroken run of minutes; empty when no minute has a value
 */
record Sparkline(String label, List<String> lines, String summary) {

    static final int WIDTH = 240;
    static final int HEIGHT = 60;
    /** Room above and below the line so that its stroke at 0 or at the top is not cut by the edge. */
    static final int PAD = 3;

    Sparkline {
        lines = List.copyOf(lines);
    }

    /**
     * @param values oldest first; empty where the minute has no value
     * @param format how a value is written in the summary ("12.50 a second")
     */
    static Sparkline of(String label, List<Optional<BigDecimal>> values, Function<BigDecimal, String> format) {
        List<BigDecimal> present = values.stream().flatMap(Optional::stream).toList();
        if (present.isEmpty()) {
            return new Sparkline(label, List.of(), "%s, last %d minutes: no figures yet.".formatted(label, values.size()));
        }
        BigDecimal top = present.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal low = present.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal latest = present.get(present.size() - 1);
        double scale = top.signum() > 0 ? top.doubleValue() : 1;
        double step = values.size() > 1 ? (double) WIDTH / (values.size() - 1) : 0;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isEmpty()) {
                close(line, lines);
                continue;
            }
            double y = HEIGHT - PAD - values.get(i).get().doubleValue() / scale * (HEIGHT - 2 * PAD);
            line.append(line.isEmpty() ? "" : " ").append(coordinate(i * step)).append(',').append(coordinate(y));
        }
        close(line, lines);
        return new Sparkline(label, lines, "%s, last %d minutes: lowest %s, highest %s, latest %s.".formatted(label, values.size(), format.apply(low),
                format.apply(top), format.apply(latest)));
    }

    /** A run of one minute is drawn as a short flat stroke, so that it shows at all. */
    private static void close(StringBuilder line, List<String> lines) {
        if (line.isEmpty()) {
            return;
        }
        String points = line.toString();
        if (points.indexOf(' ') < 0) {
            String[] xy = points.split(",");
            double x = Double.parseDouble(xy[0]);
            points = coordinate(Math.max(0, x - 1)) + "," + xy[1] + " " + coordinate(Math.min(WIDTH, x + 1)) + "," + xy[1];
        }
        lines.add(points);
        line.setLength(0);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
