package org.marginscope.experiment;

import java.util.List;
import org.marginscope.data.Dataset;
import org.marginscope.export.GifWriter;
import org.marginscope.render.Figure;
import org.marginscope.render.PaperFigure;
import org.marginscope.train.Snapshot;

/** The paper figure of a snapshot, and of a sequence of them as animation frames (window and command line). */
public final class SnapshotFigures {
    private SnapshotFigures() {
    }

    /** Renders both frames for the snapshot's weights (call off the FX thread). */
    public static PaperFigure paper(Dataset d, Snapshot s, String title) {
        return paper(new PaperFigure.Maker(), d, s, title);
    }

    private static PaperFigure paper(PaperFigure.Maker maker, Dataset d, Snapshot s, String title) {
        return maker.make(d, s.spec(), s.parameters(), s.retiredParameters(), s.decisionOffset(), s.step(), title);
    }

    /** One paper figure per snapshot, painted on demand with one set of renderers (one thread). */
    public static GifWriter.Frames frames(Dataset d, List<Snapshot> snaps, String title) {
        PaperFigure.Maker maker = new PaperFigure.Maker();
        return new GifWriter.Frames() {
            @Override
            public int count() {
                return snaps.size();
            }

            @Override
            public Figure frame(int i) {
                return paper(maker, d, snaps.get(i), title);
            }
        };
    }
}
