package org.marginscope.data;

/**
 * Size limits of a dataset CSV, checked while reading and before anything is allocated for the
 * data, so a huge or binary file fails with a message instead of running out of memory.
 */
record CsvLimits(long maxBytes, int maxLineLength, int maxColumns, int maxRows, long maxValues) {
    static final CsvLimits DEFAULT = new CsvLimits(512L << 20, 65_536, 1_024, 10_000_000, 100_000_000L);

    static String bytes(long b) {
        return b % (1 << 20) == 0 ? (b >> 20) + " MB" : b + " bytes";
    }
}
