package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.analysis.ConvexPolygon;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * The exact linear regions in the Regions tab (count, hover, export, the cases with none to draw) and as an
 * overlay of the original-space view, on li-blob-small-net's 2-32-2-1 ReLU net.
 */
class LinearRegionsViewTest extends AppWindowTest {
    private static final Pattern HEADLINE = Pattern.compile("([\\d,]+) linear regions? over the view; ([\\d,]+) holds? training points");
    private static final Pattern LAYER = Pattern.compile("layer (\\d+): (none|units? ([\\d, ]+?)(?: and (\\d+) more)?) \\((\\d+) of (\\d+) active\\)");

    @Override
    protected String preset() {
        return "li-blob-small-net";
    }

    /** Pauses after a few steps and opens the Regions tab in the linear-regions mode through its mode chooser. */
    private Snapshot openLinearMode(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        robot.clickOn("Regions (van den Berg)");
        window.session().trainer().step(40);
        window.session().trainer().awaitIdle();
        robot.clickOn("#regions-mode").clickOn("Linear regions (exact)");
        long step = window.session().trainer().latest().step();
        waitUntil(() -> {
            org.marginscope.experiment.RegionsFigure.Frame f = window.regionsView().current();
            return f != null && f.linear() != null && f.snapshot().step() == step;
        }, "a linear-regions frame at step " + step);
        WaitForAsyncUtils.waitForFxEvents();
        return window.regionsView().current().snapshot();
    }

    /**
     * Waits for the frame drawn at the canvas' present size: until then the screen shows the last frame's
     * image rescaled while a figure strokes the edges afresh.
     */
    private void waitForFrameAtCanvasSize(FxRobot robot) throws Exception {
        Canvas canvas = regionsCanvas(robot);
        waitUntil(() -> {
            org.marginscope.experiment.RegionsFigure.Frame f = window.regionsView().current();
            if (f == null || f.linear() == null || f.linear().image() == null) {
                return false;
            }
            double[] plot = org.marginscope.experiment.LinearRegionsFigure.plot(f.bounds(), canvas.getWidth(), canvas.getHeight(), 1);
            return plot != null && f.linear().image().width() == (int) plot[2]
                    && f.linear().image().height() == (int) plot[3];
        }, "the frame for the canvas' size");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Canvas regionsCanvas(FxRobot robot) {
        return robot.lookup("#regions-canvas").queryAs(Canvas.class);
    }

    private static int number(String digits) {
        return Integer.parseInt(digits.replace(",", ""));
    }

    /** The hidden units on at (x, y), by a forward pass of the parameters written out here: layer -> units (1-based). */
    static List<List<Integer>> unitsOn(NetworkSpec spec, Parameters p, double x, double y) {
        double[] h = spec.appendConstantInput() ? new double[] {x, y, 1} : new double[] {x, y};
        List<List<Integer>> on = new ArrayList<>();
        for (int k = 0; k < spec.layers().size() - 1; k++) {
            assertEquals(ActivationKind.RELU, spec.layers().get(k).activation().kind());
            double[] z = new double[p.out(k)];
            List<Integer> layer = new ArrayList<>();
            for (int j = 0; j < z.length; j++) {
                z[j] = p.bias(k, j);
                for (int i = 0; i < h.length; i++) {
                    z[j] += h[i] * p.weight(k, i, j);
                }
                if (z[j] > 0) {
                    layer.add(j + 1);
                } else {
                    z[j] = 0;
                }
            }
            on.add(layer);
            h = z;
        }
        return on;
    }

    @Test
    void theHeaderCountsTheRegionsAndHoverListsTheUnitsOnThere(FxRobot robot) throws Exception {
        Snapshot s = openLinearMode(robot);
        Canvas canvas = regionsCanvas(robot);
        Bounds view = window.view().windowProperty().get();
        Dataset data = window.session().dataset();
        LinearRegions expected = LinearRegions.compute(s.spec(), s.parameters(), view);
        assertTrue(expected.complete());
        String head = canvas.getAccessibleText();
        assertNotNull(head, "the canvas says what it shows");
        Matcher m = HEADLINE.matcher(head);
        assertTrue(m.find(), head);
        assertEquals(expected.count(), number(m.group(1)), head);
        assertEquals(expected.countContaining(data.trainX(), data.size()), number(m.group(2)), head);
        assertTrue(expected.count() > 3, "a trained 32-unit layer cuts the view: " + expected.count());

        // a point well inside a large region (at least 5 px from its edges), under the mouse
        double[] plot = WaitForAsyncUtils.asyncFx(() -> org.marginscope.experiment.LinearRegionsFigure.plot(view, canvas.getWidth(),
                canvas.getHeight(), 1)).get(5, TimeUnit.SECONDS);
        double[] target = null;
        List<LinearRegions.Region> bySize = new ArrayList<>(expected.regions());
        bySize.sort((a, b) -> Double.compare(b.polygon().area(), a.polygon().area()));
        for (LinearRegions.Region r : bySize) {
            double[] c = r.polygon().centroid();
            double[] px = {plot[0] + (c[0] - view.xMin()) / view.width() * plot[2],
                    plot[1] + (view.yMax() - c[1]) / view.height() * plot[3]};
            if (pixelsToEdge(org.marginscope.experiment.LinearRegionsFigure.onCanvas(r.polygon(), plot, view), px) > 5) {
                target = new double[] {px[0], px[1], c[0], c[1]};
                break;
            }
        }
        assertNotNull(target, "some region is wide enough to hover");
        var screen = canvas.localToScreen(target[0], target[1]);
        robot.moveTo(screen.getX(), screen.getY());
        waitUntil(() -> window.regionsView().activeUnitsText().startsWith("Region under the mouse"), "the hover label");
        String listed = window.regionsView().activeUnitsText();
        List<List<Integer>> on = unitsOn(s.spec(), s.parameters(), target[2], target[3]);
        Matcher l = LAYER.matcher(listed);
        int layers = 0;
        while (l.find()) {
            int k = Integer.parseInt(l.group(1)) - 1;
            List<Integer> want = on.get(k);
            assertEquals(want.size(), Integer.parseInt(l.group(5)), listed);
            assertEquals(s.parameters().out(k), Integer.parseInt(l.group(6)), listed);
            List<Integer> shown = new ArrayList<>();
            if (l.group(3) != null) {
                for (String u : l.group(3).split(",\\s*")) {
                    shown.add(Integer.parseInt(u.trim()));
                }
            }
            int more = l.group(4) == null ? 0 : Integer.parseInt(l.group(4));
            assertEquals(want.subList(0, want.size() - more), shown, "layer " + (k + 1) + ": " + listed);
            layers++;
        }
        assertEquals(on.size(), layers, "every hidden layer listed: " + listed);
        // the hovered region is outlined on the canvas over the view
        Canvas outline = robot.lookup("#regions-hover").queryAs(Canvas.class);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> outline.snapshot(transparent(), null)).get(10, TimeUnit.SECONDS);
        int drawn = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                drawn += (img.getPixelReader().getArgb(x, y) >>> 24) > 100 ? 1 : 0;
            }
        }
        assertTrue(drawn > 20, "the outline is drawn: " + drawn + " pixels");
    }

    private static javafx.scene.SnapshotParameters transparent() {
        var p = new javafx.scene.SnapshotParameters();
        p.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return p;
    }

    /** The distance from a point to the nearest edge of a polygon (vertices interleaved, in pixels). */
    private static double pixelsToEdge(double[] poly, double[] p) {
        double best = Double.MAX_VALUE;
        int n = poly.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double ax = poly[2 * j], ay = poly[2 * j + 1], bx = poly[2 * i], by = poly[2 * i + 1];
            double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
            best = Math.min(best, Math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy));
        }
        return best;
    }

    /** File > Export view of the mode: the edges as one vector path per region, the PNG as on screen. */
    @Test
    void exportsTheEdgesAsVectorPathsAndThePictureAsOnScreen(FxRobot robot, @TempDir java.nio.file.Path dir)
            throws Exception {
        Snapshot s = openLinearMode(robot);
        Canvas canvas = regionsCanvas(robot);
        waitForFrameAtCanvasSize(robot);
        var figure = WaitForAsyncUtils.asyncFx(() -> window.regionsView().figure()).get(10, TimeUnit.SECONDS);
        double same = ScreenAndFigure.agreement(canvas, figure);
        assertTrue(same > 0.9, "the figure shows what the screen shows: " + same + " of the samples agree");
        java.nio.file.Path svg = dir.resolve("regions.svg");
        org.marginscope.export.FigureWriter.writeSvg(figure, svg);
        int regions = window.regionsView().current().linear().regions().count();
        assertEquals(LinearRegions.compute(s.spec(), s.parameters(), window.view().windowProperty().get()).count(),
                regions);
        int edges = edgePaths(svg);
        assertEquals(regions, edges, "one outline path per region");
    }

    /** Thousands of regions: the screen draws the worker's image of the edges, the figure still one path per region. */
    @Test
    void thousandsOfRegionsExportAsPathsAndAgreeWithTheScreensImageOfTheEdges(FxRobot robot,
            @TempDir java.nio.file.Path dir) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("li-blob"))).get(5, TimeUnit.SECONDS);
        window.session().trainer().pause();
        window.session().trainer().awaitIdle();
        robot.clickOn("Regions (van den Berg)");
        WaitForAsyncUtils.asyncFx(() -> window.view().windowProperty().set(new Bounds(-4, 4, -4, 4))).get(5, TimeUnit.SECONDS);
        robot.clickOn("#regions-mode").clickOn("Linear regions (exact)");
        waitUntil(() -> window.regionsView().current() != null && window.regionsView().current().linear() != null
                && window.regionsView().current().bounds().xMin() == -4, "a linear-regions frame");
        waitForFrameAtCanvasSize(robot);
        org.marginscope.experiment.LinearRegionsFigure.Shown shown = window.regionsView().current().linear();
        assertNotNull(shown.regions(), shown.why());
        int regions = shown.regions().count();
        assertTrue(regions > org.marginscope.experiment.LinearRegionsFigure.VECTOR_EDGES_UP_TO, regions + " regions");
        assertNotNull(shown.edges(), "the screen's edges come as an image");
        org.marginscope.experiment.RegionsFigure.Frame frame = window.regionsView().current();
        var figure = WaitForAsyncUtils.asyncFx(() -> window.regionsView().figure()).get(10, TimeUnit.SECONDS);
        double same = ScreenAndFigure.agreement(regionsCanvas(robot), figure);
        assertTrue(same > 0.9, "the figure shows what the screen shows: " + same + " of the samples agree (image "
                + shown.image().width() + " x " + shown.image().height() + ", canvas " + regionsCanvas(robot).getWidth()
                + " x " + regionsCanvas(robot).getHeight() + ", same frame after: " + (window.regionsView().current() == frame) + ")");
        java.nio.file.Path svg = dir.resolve("many.svg");
        org.marginscope.export.FigureWriter.writeSvg(figure, svg);
        assertEquals(regions, edgePaths(svg), "one outline path per region");
    }

    /** Paths stroked and not filled, under a group stroked in the edges' dark grey. */
    private static int edgePaths(java.nio.file.Path svg) throws Exception {
        var dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var paths = dbf.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("path");
        int n = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            var e = (org.w3c.dom.Element) paths.item(i);
            var parent = (org.w3c.dom.Element) e.getParentNode();
            String style = e.getAttribute("style") + ";" + parent.getAttribute("style");
            if (style.contains("fill:none") && style.contains("stroke:rgb(32,32,32)")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aNetWithoutLinearRegionsSaysSoInWords(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("moon-small-net")))
                .get(5, TimeUnit.SECONDS);
        window.session().trainer().pause();
        robot.clickOn("Regions (van den Berg)");
        robot.clickOn("#regions-mode").clickOn("Linear regions (exact)");
        waitUntil(() -> window.regionsView().current() != null && window.regionsView().current().linear() != null,
                "a linear-regions frame");
        String said = regionsCanvas(robot).getAccessibleText();
        assertTrue(said.contains("tanh") && said.contains("not piecewise linear"), said);
        assertTrue(textPixels(robot) > 200, "the words are drawn, not an empty pane");
    }

    @Test
    void tooManyRegionsAsksForAZoomAndKeepsTheWindowResponsive(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("li-blob"))).get(5, TimeUnit.SECONDS);
        window.session().trainer().pause();
        window.session().trainer().awaitIdle();
        robot.clickOn("Regions (van den Berg)");
        // a wide window: Li's 2000 first-layer lines pass within about 10 of the origin, most pairs meet in it
        WaitForAsyncUtils.asyncFx(() -> window.view().windowProperty().set(new Bounds(-30, 30, -30, 30)))
                .get(5, TimeUnit.SECONDS);
        robot.clickOn("#regions-mode").clickOn("Linear regions (exact)");
        waitUntil(() -> window.regionsView().current() != null && window.regionsView().current().linear() != null
                && window.regionsView().current().bounds().xMin() == -30, "a linear-regions frame");
        String said = regionsCanvas(robot).getAccessibleText();
        assertTrue(said.contains("More than 20,000 linear regions") && said.contains("Zoom in"), said);
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> { }).get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "the FX thread answers");
    }

    private int textPixels(FxRobot robot) throws Exception {
        Canvas c = regionsCanvas(robot);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> c.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        int n = 0;
        for (int y = 20; y < Math.min(120, (int) img.getHeight()); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                n += (img.getPixelReader().getArgb(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        return n;
    }

    /** View > Linear regions draws dark edge pixels where a region boundary passes, and none deep inside regions. */
    @Test
    void theOverlayDrawsTheEdgesOverTheOriginalSpaceView(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        window.session().trainer().step(40);
        window.session().trainer().awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // the full-resolution field of the paused snapshot
        WaitForAsyncUtils.waitForFxEvents();
        BoundaryView view = window.view();
        WritableImage before = snapshot(view.fieldCanvas());
        robot.clickOn("View").clickOn("#show-linear-regions");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        Snapshot s = window.session().shown();
        waitUntil(() -> view.linearRegions() != null && view.linearRegions().snapshot() == s
                && view.linearRegions().regions() != null, "the overlay's regions");
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage after = snapshot(view.fieldCanvas());
        LinearRegions r = view.linearRegions().regions();
        Bounds b = view.windowProperty().get();
        var exported = org.marginscope.export.FigureWriter.raster(
                WaitForAsyncUtils.asyncFx(view::figure).get(10, TimeUnit.SECONDS), 1);
        // midpoints of edges shared by two regions (not on the window's border)
        int checked = 0, darker = 0, darkerExported = 0;
        for (LinearRegions.Region g : r.regions()) {
            ConvexPolygon p = g.polygon();
            for (int i = 0, j = p.size() - 1; i < p.size(); j = i++) {
                double mx = (p.xs()[i] + p.xs()[j]) / 2, my = (p.ys()[i] + p.ys()[j]) / 2;
                double len = Math.hypot(view.sx(p.xs()[i]) - view.sx(p.xs()[j]), view.sy(p.ys()[i]) - view.sy(p.ys()[j]));
                boolean border = Math.abs(mx - b.xMin()) < 1e-9 * b.width() || Math.abs(mx - b.xMax()) < 1e-9 * b.width()
                        || Math.abs(my - b.yMin()) < 1e-9 * b.height() || Math.abs(my - b.yMax()) < 1e-9 * b.height();
                if (border || len < 12) {
                    continue;
                }
                int x = (int) Math.round(view.sx(mx)), y = (int) Math.round(view.sy(my));
                checked++;
                darker += minLuma(after, x, y) + 25 < minLuma(before, x, y) ? 1 : 0;
                darkerExported += minLuma(exported, x, y) + 25 < minLuma(before, x, y) ? 1 : 0;
            }
        }
        assertTrue(checked >= 3, "edges to check: " + checked);
        assertTrue(darker > 0.9 * checked, darker + " of " + checked + " edge points drawn darker");
        assertTrue(darkerExported > 0.8 * checked, "Export view draws them too: " + darkerExported + " of " + checked);
        // and deep inside a region nothing changes
        for (LinearRegions.Region g : r.regions()) {
            double[] c = g.polygon().centroid();
            int x = (int) Math.round(view.sx(c[0])), y = (int) Math.round(view.sy(c[1]));
            double[] poly = new double[2 * g.polygon().size()];
            for (int v = 0; v < g.polygon().size(); v++) {
                poly[2 * v] = view.sx(g.polygon().xs()[v]);
                poly[2 * v + 1] = view.sy(g.polygon().ys()[v]);
            }
            if (pixelsToEdge(poly, new double[] {x, y}) > 4) {
                assertEquals(before.getPixelReader().getArgb(x, y), after.getPixelReader().getArgb(x, y),
                        "no edge at the centre of " + g.pattern());
            }
        }
    }

    private static WritableImage snapshot(Canvas c) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> c.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    private static int minLuma(java.awt.image.BufferedImage img, int x, int y) {
        WritableImage copy = new WritableImage(img.getWidth(), img.getHeight());
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                copy.getPixelWriter().setArgb(x + dx, y + dy, img.getRGB(x + dx, y + dy));
            }
        }
        return minLuma(copy, x, y);
    }

    /** The darkest luma within one pixel of (x, y): a thin antialiased line may fall between pixels. */
    private static int minLuma(WritableImage img, int x, int y) {
        int best = 255;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int argb = img.getPixelReader().getArgb(x + dx, y + dy);
                int l = (int) (0.3 * ((argb >> 16) & 0xFF) + 0.59 * ((argb >> 8) & 0xFF) + 0.11 * (argb & 0xFF));
                best = Math.min(best, l);
            }
        }
        return best;
    }
}
