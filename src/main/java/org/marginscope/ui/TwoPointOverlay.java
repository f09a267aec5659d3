package org.marginscope.ui;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.analysis.EnsembleSpread;
import org.marginscope.analysis.NarTwoPoint;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.train.Snapshot;

/**
 * Nar et al. Thm 1 drawn over the original space when the data are one point of each class and the
 * model is a linear classifier with a bias: the closed-form limit boundary (dashed), the SVM's (the
 * perpendicular bisector, dotted) and the angles, recomputed as the points are dragged.
 */
final class TwoPointOverlay {
    static final Color LIMIT = Color.web("#d55e00"), SVM = Color.web("#009e73");

    /** What the overlay shows, computed from the data and the snapshot (also read by tests). */
    record Reading(double[] x, double[] p, double[] limit, double limitToSvmDeg, double networkToLimitDeg) {
    }

    private TwoPointOverlay() {
    }

    /** The reading for these data and this snapshot, or null where Thm 1 does not apply. */
    static Reading read(Dataset d, Snapshot s) {
        double[][] xp = NarTwoPoint.pointsOf(d);
        if (xp == null || s == null || !appliesTo(s.spec()) || (xp[0][0] == xp[1][0] && xp[0][1] == xp[1][1])) {
            return null; // one point on the other: no direction to draw
        }
        double[] limit = NarTwoPoint.limitDirection(xp[0], xp[1]);
        var w = s.parameters();
        double[] learned = {w.weight(0, 0, 0), w.weight(0, 1, 0), w.bias(0, 0)};
        double net = learned[0] == 0 && learned[1] == 0 && learned[2] == 0 ? Double.NaN
                : EnsembleSpread.angleDeg(learned, limit);
        return new Reading(xp[0], xp[1], limit, NarTwoPoint.angleToSvmDeg(xp[0], xp[1]), net);
    }

    static boolean appliesTo(NetworkSpec spec) {
        return spec != null && spec.layers().size() == 1 && spec.outputWidth() == 1 && spec.layers().get(0).bias()
                && !spec.appendConstantInput() && spec.inputDim() == 2;
    }

    static void draw(GraphicsContext g, Reading r, Bounds window, DoubleUnaryOperator sx, DoubleUnaryOperator sy,
                     double left, double top, double scale) {
        g.save();
        // the SVM: normal x - p through the midpoint
        double[] n = {r.x()[0] - r.p()[0], r.x()[1] - r.p()[1]};
        double c = -(n[0] * (r.x()[0] + r.p()[0]) + n[1] * (r.x()[1] + r.p()[1])) / 2;
        g.setLineWidth(2.2 * scale);
        g.setStroke(SVM);
        g.setLineDashes(2 * scale, 5 * scale);
        ViewCanvas.line(g, n[0], n[1], c, window, sx, sy);
        g.setStroke(LIMIT);
        g.setLineDashes(10 * scale, 6 * scale);
        ViewCanvas.line(g, r.limit()[0], r.limit()[1], r.limit()[2], window, sx, sy);
        g.setLineDashes();
        // the segment between the points: the SVM's direction
        g.setStroke(Color.rgb(0, 158, 115, 0.5));
        g.setLineWidth(1.2 * scale);
        g.strokeLine(sx.applyAsDouble(r.x()[0]), sy.applyAsDouble(r.x()[1]), sx.applyAsDouble(r.p()[0]),
                sy.applyAsDouble(r.p()[1]));
        String[] lines = {
            String.format(Locale.ROOT, "Nar Thm 1: dashed = the closed-form limit of cross-entropy GD with a bias"),
            String.format(Locale.ROOT, "dotted = the SVM (max margin); they are %.1f\u00b0 apart", r.limitToSvmDeg()),
            Double.isNaN(r.networkToLimitDeg()) ? "the network [w; b] starts at 0"
                : String.format(Locale.ROOT, "this network's [w; b] is %.2f\u00b0 from the limit", r.networkToLimitDeg()),
            "drag the points (Move tool, M) to change them"};
        Font font = Font.font(12 * Math.min(scale, 1.5));
        g.setFont(font);
        double width = 0;
        for (String l : lines) {
            width = Math.max(width, ViewCanvas.textWidth(l, font));
        }
        double lh = font.getSize() + 4;
        g.setFill(Color.rgb(255, 255, 255, 0.88));
        g.fillRoundRect(left + 6, top + 6, width + 14, lh * lines.length + 8, 6, 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.length; i++) {
            g.setFill(i == 0 ? LIMIT.darker() : i == 1 ? SVM.darker() : Color.web("#222222"));
            g.fillText(lines[i], left + 13, top + 10 + lh * i);
        }
        g.restore();
    }
}
