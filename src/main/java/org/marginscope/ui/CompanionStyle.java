package org.marginscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.render.BoundaryFrame.CompanionBoundary;
import org.marginscope.render.Contours;

/**
 * How the original-space view draws the networks trained beside the main one: ensemble copies (labels
 * "seed +i") as thin translucent grey lines, other companions (another loss, another architecture)
 * in colours of their own, with a legend; and the confidence scale's colour bar.
 */
final class CompanionStyle {
    static final Color SEED_COPY = Color.rgb(40, 40, 40, 0.45);
    private static final Color[] NAMED = {Color.web("#7b3294"), Color.web("#1b9e77"), Color.web("#d95f02"),
        Color.web("#e7298a")};

    private CompanionStyle() {
    }

    static boolean isSeedCopy(CompanionBoundary c) {
        return c.label().startsWith("seed +");
    }

    /** The colour of the i-th named companion (seed copies share one grey). */
    static Color colour(List<CompanionBoundary> all, CompanionBoundary c) {
        if (isSeedCopy(c)) {
            return SEED_COPY;
        }
        int i = 0;
        for (CompanionBoundary o : all) {
            if (o == c) {
                break;
            }
            if (!isSeedCopy(o)) {
                i++;
            }
        }
        return NAMED[i % NAMED.length];
    }

    static void drawBoundaries(GraphicsContext g, List<CompanionBoundary> all, DoubleUnaryOperator sx,
                               DoubleUnaryOperator sy) {
        g.save();
        for (CompanionBoundary c : all) {
            boolean copy = isSeedCopy(c);
            g.setStroke(colour(all, c));
            g.setLineWidth(copy ? 1.2 : 2.4);
            for (Contours.Segment s : c.segments()) {
                g.strokeLine(sx.applyAsDouble(s.x0()), sy.applyAsDouble(s.y0()), sx.applyAsDouble(s.x1()),
                        sy.applyAsDouble(s.y1()));
            }
        }
        g.restore();
    }

    /** The legend's lines: the main network, each named companion, and the seed copies as one entry. */
    static List<String> legendLabels(String main, List<CompanionBoundary> all) {
        List<String> out = new ArrayList<>();
        out.add(main);
        int copies = 0;
        for (CompanionBoundary c : all) {
            if (isSeedCopy(c)) {
                copies++;
            } else {
                out.add(c.label());
            }
        }
        if (copies > 0) {
            out.add(copies + " more from other seeds");
        }
        return out;
    }

    /** The legend with its bottom-left corner at (x, bottom): the top left holds Sarussi's overlay text. */
    static void drawLegend(GraphicsContext g, String main, List<CompanionBoundary> all, double x, double bottom) {
        List<String> labels = legendLabels(main, all);
        List<Color> colours = new ArrayList<>();
        colours.add(Color.web("#222222"));
        boolean copies = false;
        for (CompanionBoundary c : all) {
            if (isSeedCopy(c)) {
                copies = true;
            } else {
                colours.add(colour(all, c));
            }
        }
        if (copies) {
            colours.add(SEED_COPY);
            }
        g.save();
        g.setFont(Font.font(12));
        double w = 0;
        for (String l : labels) {
            w = Math.max(w, l.length() * 6.6);
        }
        double h = 18 * labels.size() + 6;
        double y = bottom - h;
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(x, y, w + 46, h, 6, 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < labels.size(); i++) {
            double ly = y + 12 + 18 * i;
            g.setStroke(colours.get(i));
            g.setLineWidth(2);
            g.strokeLine(x + 8, ly, x + 34, ly);
            g.setFill(Color.web("#222222"));
            g.fillText(labels.get(i), x + 40, ly);
        }
        g.restore();
    }

    /** Nar Remark 2's fixed scale from 50% to 100% confidence. */
    static void drawConfidenceBar(GraphicsContext g, double x, double y) {
        g.save();
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(x - 6, y - 18, 150, 46, 6, 6);
        Color lo = Color.web("#f7f7f7"), hi = Color.web("#f7f7f7").interpolate(Color.web("#2f3e62"), 0.8);
        g.setFill(new LinearGradient(x, 0, x + 138, 0, false, CycleMethod.NO_CYCLE, new Stop(0, lo), new Stop(1, hi)));
        g.fillRect(x, y, 138, 10);
        g.setStroke(Color.web("#666666"));
        g.setLineWidth(0.8);
        g.strokeRect(x, y, 138, 10);
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("confidence max p(c|x)", x, y - 2);
        g.setTextBaseline(VPos.TOP);
        g.fillText("50%", x, y + 12);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("100%", x + 138, y + 12);
        g.restore();
    }
}
