package io.sourceflow.benchmarks.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns the CSV of {@link ConsumerScaling} into the table of {@code docs/benchmarks.md} (logged) and
 * a PNG plot: commands applied per second against MDB sessions, the median window of each variant.
 */
public final class ScalingPlot {

    private static final Logger LOG = Logger.getLogger(ScalingPlot.class.getName());

    private ScalingPlot() {
    }

    /**
     * Reads the CSV, prints the table, writes the plot.
     *
     * @param args the CSV file and the PNG file to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, Map<Integer, List<Double>>> rates = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] field = line.split(",");
            if (field.length == 6 && !field[0].equals("sessions")) {
                rates.computeIfAbsent(field[1], k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(field[0]), k -> new ArrayList<>()).add(Double.parseDouble(field[5]));
            }
        }
        Map<Integer, List<Double>> sourceflow = rates.getOrDefault("sourceflow", Map.of());
        Map<Integer, List<Double>> baseline = rates.getOrDefault("plain-mdb-jdbc", Map.of());
        StringBuilder table = new StringBuilder("| sessions | SourceFlow (commands/s, median; range) | plain MDB + JDBC (median; range)"
                + " | ratio |\n|---|---|---|---|\n");
        for (Integer sessions : sourceflow.keySet()) {
            double ours = median(sourceflow.get(sessions));
            double theirs = median(baseline.getOrDefault(sessions, List.of(Double.NaN)));
            table.append(String.format(Locale.ROOT, "| %d | %.0f (%s) | %.0f (%s) | %.2f |%n", sessions, ours,
                    range(sourceflow.get(sessions)), theirs, range(baseline.getOrDefault(sessions, List.of())), ours / theirs));
        }
        LOG.info(table::toString);
        XYChart chart = new XYChartBuilder().width(720).height(440).title("Commands applied per second, one Liberty server on Artemis")
                .xAxisTitle("command MDB sessions").yAxisTitle("commands applied / s").build();
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0);
        add(chart, "SourceFlow (sample WAR)", sourceflow);
        add(chart, "plain MDB + JDBC", baseline);
        BitmapEncoder.saveBitmap(chart, args[1], BitmapEncoder.BitmapFormat.PNG);
    }

    private static void add(XYChart chart, String name, Map<Integer, List<Double>> rates) {
        List<Integer> sessions = new ArrayList<>(rates.keySet());
        List<Double> medians = sessions.stream().map(s -> median(rates.get(s))).toList();
        chart.addSeries(name, sessions, medians).setMarker(SeriesMarkers.CIRCLE);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String range(List<Double> values) {
        return String.format(Locale.ROOT, "%.0f–%.0f", values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }
}
