package org.marginscope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A line chart that can draw one metric's spread over seeds behind its live curves (Model > Run over seeds): the
 * range (min-max) lightly shaded, the interquartile range darker, the median dashed, all in the colour of the
 * series that shows the same metric live, with the key "median of K seeds (IQR, range)". The axes' automatic
 * ranges take the band in while it is shown.
 */
public class BandChart extends LineChart<Number, Number> {
    /** common.css's default-color0..7: a chart's n-th series (in the order added) takes colour n mod 8. */
    public static final String[] SERIES_COLOURS = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#555555",
            "#b8860b"};

    /** The metrics.csv column the chart's first series shows, or null when it shows none. */
    private final String bandMetric;
    /** The name of the live series showing that metric: the band takes its colour. */
    private final String seriesName;
    private Color colour;
    private final BooleanProperty bandShown = new SimpleBooleanProperty(true);
    private final Path range = new Path();
    private final Path iqr = new Path();
    private final Path median = new Path();
    private final Label key = new Label();
    private SeedBand band;
    /** Run after each layout of the plot: marks drawn over the chart follow its axes in the same pulse. */
    private Runnable afterPlotLayout = () -> {
    };

    /** What to place after each layout of the plot (an overlay's cursor or marker at a step). */
    void afterPlotLayout(Runnable r) {
        afterPlotLayout = r;
    }

    BandChart(Axis<Number> x, Axis<Number> y, String bandMetric, String seriesName) {
        super(x, y);
        this.bandMetric = bandMetric;
        this.seriesName = seriesName;
        range.setStroke(null);
        range.getStyleClass().add("seed-band-range");
        iqr.setStroke(null);
        iqr.getStyleClass().add("seed-band-iqr");
        median.setStrokeWidth(1.6);
        median.getStrokeDashArray().addAll(6.0, 4.0);
        median.setFill(null);
        median.getStyleClass().add("seed-band-median");
        key.getStyleClass().add("seed-band-key");
        colour(Color.web(SERIES_COLOURS[0]));
        key.setMouseTransparent(true);
        key.setWrapText(true);
        getPlotChildren().addAll(0, List.of(range, iqr, median, key));
        bandShown.addListener((o, a, b) -> changed());
        changed();
    }

    private void colour(Color c) {
        if (c.equals(colour)) {
            return;
        }
        colour = c;
        range.setFill(c.deriveColor(0, 1, 1, 0.14));
        iqr.setFill(c.deriveColor(0, 1, 1, 0.32));
        median.setStroke(c.darker());
        Color text = c.darker();
        key.setStyle(String.format(java.util.Locale.ROOT, "-fx-text-fill: rgb(%d,%d,%d);"
                + " -fx-background-color: rgba(255,255,255,0.85); -fx-padding: 0 3 0 3;", (int) (text.getRed() * 255),
                (int) (text.getGreen() * 255), (int) (text.getBlue() * 255)));
    }

    /** The band's colour now: its live series' (FX thread; for tests). */
    public Color bandColour() {
        return colour;
    }

    String bandMetric() {
        return bandMetric;
    }

    /** Whether the band (if any) is drawn; the View menu's "Seed bands" toggles it. */
    BooleanProperty bandShownProperty() {
        return bandShown;
    }

    /** The band drawn, or null. */
    SeedBand band() {
        return band;
    }

    void setBand(SeedBand b) {
        band = b;
        key.setText(b == null ? "" : b.label());
        changed();
    }

    /** Whether the band is on screen (FX thread; for tests). */
    boolean bandVisible() {
        return median.isVisible() && band != null;
    }

    /** The key's text while the band is visible, else null (FX thread; for tests). */
    String bandKey() {
        return bandVisible() && key.isVisible() ? key.getText() : null;
    }

    private void changed() {
        boolean on = band != null && bandShown.get();
        for (javafx.scene.Node n : List.of(range, iqr, median, key)) {
            n.setVisible(on);
        }
        updateAxisRange();
        requestChartLayout();
    }

    @Override
    protected void updateAxisRange() {
        Axis<Number> xa = getXAxis(), ya = getYAxis();
        List<Number> xs = xa.isAutoRanging() ? new ArrayList<>() : null;
        List<Number> ys = ya.isAutoRanging() ? new ArrayList<>() : null;
        if (xs == null && ys == null) {
            return;
        }
        for (XYChart.Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (xs != null) {
                    xs.add(d.getXValue());
                }
                if (ys != null) {
                    ys.add(d.getYValue());
                }
            }
        }
        if (band != null && bandShown.get()) {
            for (int i = 0; i < band.size(); i++) {
                if (xs != null) {
                    xs.add(band.x()[i]);
                }
                if (ys != null) {
                    ys.add(band.min()[i]);
                    ys.add(band.max()[i]);
                }
            }
        }
        if (xs != null) {
            xa.invalidateRange(xs);
        }
        if (ys != null) {
            ya.invalidateRange(ys);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        afterPlotLayout.run();
        if (band == null || !bandShown.get()) {
            return;
        }
        for (int i = 0; i < getData().size(); i++) {
            if (getData().get(i).getName() != null && getData().get(i).getName().equals(seriesName)) {
                colour(Color.web(SERIES_COLOURS[i % SERIES_COLOURS.length]));
            }
        }
        int n = band.size();
        double[] px = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = getXAxis().getDisplayPosition(band.x()[i]);
        }
        range.getElements().setAll(area(px, band.max(), band.min()));
        iqr.getElements().setAll(area(px, band.q3(), band.q1()));
        List<PathElement> line = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double y = getYAxis().getDisplayPosition(band.median()[i]);
            line.add(i == 0 ? new MoveTo(px[i], y) : new LineTo(px[i], y));
        }
        median.getElements().setAll(line);
        key.applyCss(); // its font and padding before it is measured, or the last letters are cut
        // never wider than the plot (it is clipped there): a narrow chart's key takes two lines
        double w = Math.max(20, Math.min(key.prefWidth(-1), getXAxis().getWidth() - 12));
        key.resize(w, key.prefHeight(w));
        key.relocate(6, Math.max(0, getYAxis().getHeight() - key.getHeight() - 4));
        if (getPlotChildren().get(getPlotChildren().size() - 1) != key) {
            key.toFront(); // over the live curves (added after it)
        }
    }

    /** The closed shape between an upper and a lower curve (a single step: a vertical line). */
    private List<PathElement> area(double[] px, double[] upper, double[] lower) {
        List<PathElement> e = new ArrayList<>();
        for (int i = 0; i < px.length; i++) {
            double y = getYAxis().getDisplayPosition(upper[i]);
            e.add(i == 0 ? new MoveTo(px[i], y) : new LineTo(px[i], y));
        }
        for (int i = px.length - 1; i >= 0; i--) {
            e.add(new LineTo(px[i], getYAxis().getDisplayPosition(lower[i])));
        }
        e.add(new ClosePath());
        return e;
    }
}
