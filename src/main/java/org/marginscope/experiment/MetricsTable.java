package org.marginscope.experiment;

import java.util.List;

/**
 * A run's metrics.csv in memory: the column names and one row of numbers per kept snapshot (NaN where a
 * cell is empty). Column 0 is {@code step}.
 */
public record MetricsTable(List<String> columns, double[][] rows) {
    public MetricsTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(0).equals("step")) {
            throw new IllegalArgumentException("a metrics table's first column is step");
        }
        for (double[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("a row has " + r.length + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** The column's index, or -1. */
    public int index(String column) {
        return columns.indexOf(column);
    }

    public long step(int row) {
        return (long) rows[row][0];
    }
}
