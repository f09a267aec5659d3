package org.marginscope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.ValueAxis;

/**
 * A base-10 logarithmic axis for OpenJFX charts: major ticks at powers of ten (labelled), minor
 * ticks at 2..9 times them. Non-positive values are clamped to the lower bound.
 */
public final class LogAxis extends ValueAxis<Number> {
    private static final double TINY = 1e-300;

    public LogAxis(String label) {
        super(1, 10);
        setLabel(label);
        setAutoRanging(true);
        setMinorTickCount(0);
    }

    private double logLower() {
        return Math.log10(Math.max(TINY, getLowerBound()));
    }

    private double logUpper() {
        return Math.log10(Math.max(TINY, getUpperBound()));
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        double lo = minValue > 0 ? minValue : 1, hi = Math.max(maxValue, lo * 10);
        double lower = Math.pow(10, Math.floor(Math.log10(lo)));
        double upper = Math.pow(10, Math.ceil(Math.log10(hi)));
        if (upper <= lower) {
            upper = lower * 10;
        }
        return new double[] {lower, upper};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        List<Number> ticks = new ArrayList<>();
        int lo = (int) Math.floor(Math.log10(Math.max(TINY, r[0]))), hi = (int) Math.ceil(Math.log10(Math.max(TINY, r[1])));
        int decades = Math.max(1, hi - lo);
        int every = Math.max(1, (int) Math.ceil(decades / Math.max(1.0, length / 45)));
        for (int e = lo; e <= hi; e += every) {
            ticks.add(Math.pow(10, e));
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        List<Number> minor = new ArrayList<>();
        int lo = (int) Math.floor(logLower()), hi = (int) Math.ceil(logUpper());
        if (hi - lo > 12) {
            return minor;
        }
        for (int e = lo; e < hi; e++) {
            for (int m = 2; m <= 9; m++) {
                minor.add(m * Math.pow(10, e));
            }
        }
        return minor;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(value.doubleValue());
    }

    /** 1, 10, 100, 1k, 10k, 100k, 1M; 0.1, 0.01, 1e-3 ... */
    static String label(double v) {
        int e = (int) Math.round(Math.log10(v));
        if (e >= 0 && e <= 2) {
            return Integer.toString((int) Math.round(v));
        }
        if (e >= 3 && e <= 5) {
            return (int) Math.round(v / 1000) + "k";
        }
        if (e >= 6 && e <= 8) {
            return (int) Math.round(v / 1e6) + "M";
        }
        if (e == -1 || e == -2) {
            return e == -1 ? "0.1" : "0.01";
        }
        return "1e" + e;
    }

    @Override
    public double getDisplayPosition(Number value) {
        double v = Math.max(TINY, value.doubleValue());
        double d = (Math.log10(v) - logLower()) / (logUpper() - logLower());
        return getSide() != null && getSide().isVertical() ? (1 - d) * getHeight() : d * getWidth();
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double len = getSide() != null && getSide().isVertical() ? getHeight() : getWidth();
        double d = displayPosition / Math.max(1, len);
        if (getSide() != null && getSide().isVertical()) {
            d = 1 - d;
        }
        return Math.pow(10, logLower() + d * (logUpper() - logLower()));
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        double v = value.doubleValue();
        return v >= getLowerBound() && v <= getUpperBound();
    }

    @Override
    public double toNumericValue(Number value) {
        return value == null ? 0 : value.doubleValue();
    }

    @Override
    public Number toRealValue(double value) {
        return value;
    }

}
