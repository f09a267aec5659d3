package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.export.FigureWriter;
import org.marginscope.train.TrainingEngine;

/** The legend under a figure of two or four panels: every entry on the page, in as many rows as it takes. */
class PaperFigureLegendTest {
    @Test
    void aNarrowFigureWrapsItsLegendAndDrawsEveryEntryOnThePage() {
        Preset p = PresetLibrary.byName("li-blob-small-net");
        Dataset data = p.dataset().build();
        TrainingEngine e = new TrainingEngine(data, p.network(), p.training());
        e.run(50);
        PaperFigure four = PaperFigure.of(data, p.network(), e.network().parameters(), null, 0, e.stepCount(), p.name());
        PaperFigure two = four.withPanels(List.of(PaperFigure.Kind.ORIGINAL, PaperFigure.Kind.TRANSFORMED));
        assertEquals(1, four.legendRows().size(), "four panels hold the legend in one row");
        assertEquals(7, two.legendRows().stream().mapToInt(List::size).sum(), "two classes, test points, three lines, the ring");
        assertTrue(two.legendRows().size() > 1, "two panels do not: it wraps");
        assertEquals(four.height() + PaperFigure.LEGEND * (two.legendRows().size() - 1), two.height(),
                "the page grows by a legend row per extra row");
        // the last entry (the support-vector ring, drawn in the SVM's colour) is on the page: look for its
        // colour under the panels, left of the last row's end
        BufferedImage img = FigureWriter.raster(two, 1);
        int svm = TransformedPainter.SVM_LINE.getRGB() & 0xFFFFFF, below = PaperFigure.TOP + PaperFigure.PANEL + PaperFigure.BOTTOM;
        int lastRowTop = below + PaperFigure.LEGEND * (two.legendRows().size() - 1);
        int ring = 0;
        for (int y = lastRowTop; y < lastRowTop + PaperFigure.LEGEND; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs((c >> 16) - (svm >> 16)) + Math.abs(((c >> 8) & 255) - ((svm >> 8) & 255))
                        + Math.abs((c & 255) - (svm & 255)) < 40) {
                    ring++;
                }
            }
        }
        assertTrue(ring > 10, "the support-vector ring in the last legend row: " + ring + " pixels of its colour");
    }
}
