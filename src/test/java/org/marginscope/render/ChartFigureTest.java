package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.export.FigureWriter;

/** The export charts put a curve where its values are: read back as pixels on the log axes. */
class ChartFigureTest {
    @Test
    void aPowerLawIsAStraightLineOnLogLogAxes() {
        int n = 200;
        long[] steps = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = Math.round(Math.pow(10, 4.0 * i / (n - 1))) - 1; // step + 1 from 1 to 10^4
            v[i] = 1.0 / (steps[i] + 1); // 1/t: slope -1 on log-log axes
        }
        ChartFigure f = new ChartFigure(List.of(new ChartFigure.Panel("Loss", "loss", true,
                List.of(new ChartFigure.Series("loss", steps, v)))), "test");
        BufferedImage img = FigureWriter.raster(f, 1);
        int colour = Palette.colour(0) & 0xFFFFFF;
        // for each column of the plot the curve's row must lie on the line from the top-left to the bottom-right
        int hits = 0, checked = 0;
        for (int x = ChartFigure.LEFT + 10; x < ChartFigure.LEFT + ChartFigure.W - 10; x += 10) {
            double expected = ChartFigure.TOP + (double) (x - ChartFigure.LEFT) / ChartFigure.W * ChartFigure.H;
            int best = -1;
            for (int y = ChartFigure.TOP; y < ChartFigure.TOP + ChartFigure.H; y++) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                if (near(c, colour)) {
                    best = y;
                    break;
                }
            }
            checked++;
            if (best >= 0 && Math.abs(best - expected) <= 3) {
                hits++;
            }
        }
        assertEquals(checked, hits, "the 1/t curve runs corner to corner of the decade-aligned axes");
        assertTrue(f.width() > ChartFigure.W);
    }

    @Test
    void aBandIsShadedBetweenItsBoundsAndNowhereElse() {
        // a flat band from 0.25 to 0.75 on a linear axis that the series at 0 and 1 pin to [0, 1] plus 5% padding
        long[] steps = {0, 99};
        ChartFigure f = new ChartFigure(List.of(new ChartFigure.Panel("p", "y", false,
                List.of(new ChartFigure.Series("lo", steps, new double[] {0, 0}),
                        new ChartFigure.Series("hi", steps, new double[] {1, 1})),
                List.of(new ChartFigure.Band("iqr", steps, new double[] {0.25, 0.25}, new double[] {0.75, 0.75}, 2, 0.5)))),
                "band");
        BufferedImage img = FigureWriter.raster(f, 1);
        int argb = Palette.colour(2);
        // the colour at half opacity on white
        int expected = (((argb >> 16 & 0xFF) + 255) / 2) << 16 | (((argb >> 8 & 0xFF) + 255) / 2) << 8 | ((argb & 0xFF) + 255) / 2;
        java.util.function.DoubleUnaryOperator row = v -> ChartFigure.TOP + ChartFigure.H - (v + 0.05) / 1.1 * ChartFigure.H;
        int x = ChartFigure.LEFT + ChartFigure.W / 3; // clear of the legend in the top right
        assertTrue(near(img.getRGB(x, (int) row.applyAsDouble(0.5)) & 0xFFFFFF, expected), "inside the band");
        assertTrue(near(img.getRGB(x, (int) row.applyAsDouble(0.3)) & 0xFFFFFF, expected), "inside, near the lower bound");
        assertTrue(!near(img.getRGB(x, (int) row.applyAsDouble(0.15)) & 0xFFFFFF, expected), "below the band");
        assertTrue(!near(img.getRGB(x, (int) row.applyAsDouble(0.85)) & 0xFFFFFF, expected), "above the band");
    }

    private static boolean near(int a, int b) {
        for (int s = 0; s <= 16; s += 8) {
            if (Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) > 40) {
                return false;
            }
        }
        return true;
    }
}
