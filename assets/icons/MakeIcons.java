import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the MarginScope icon: two classes (blue circles, orange squares - the app's class 0 and 1
 * colours and markers) on the two sides of a curved decision boundary, with the margin band between
 * the dashed margin lines, on the app's light panel with the classes' tints.
 *
 * <p>Not part of the build; run once with a JDK 17 single-file launch from the repository root:
 * {@code java assets/icons/MakeIcons.java assets/icons}. It writes marginscope-SIZE.png,
 * marginscope.png (256 px) and marginscope.icns (PNG entries, 16 to 512 px, readable by macOS);
 * the Windows .ico comes from ImageMagick (see packaging/README.md).
 */
public final class MakeIcons {
    private static final Color BLUE = new Color(0x0072B2), ORANGE = new Color(0xE69F00);
    private static final Color PANEL = new Color(0xf7, 0xf7, 0xf7), LINE = new Color(0x22, 0x22, 0x22);
    /** The margin's half width, in units of the icon's side. */
    private static final double MARGIN = 0.075;

    /** Dots in unit coordinates (y down): class 0 above the boundary, class 1 below. */
    private static final double[][] BLUE_DOTS = {
        {0.20, 0.22}, {0.44, 0.15}, {0.14, 0.50}, {0.31, 0.34}, {0.60, 0.11}, {0.22, 0.70}, {0.38, 0.46}
    };
    private static final double[][] ORANGE_DOTS = {
        {0.81, 0.77}, {0.57, 0.86}, {0.86, 0.49}, {0.68, 0.67}, {0.40, 0.89}, {0.78, 0.30}, {0.62, 0.54}
    };
    /** The few dots kept at small sizes. */
    private static final double[][] BLUE_FEW = {{0.24, 0.27}, {0.27, 0.56}, {0.45, 0.22}};
    private static final double[][] ORANGE_FEW = {{0.76, 0.73}, {0.73, 0.44}, {0.55, 0.78}};

    private MakeIcons() {
    }

    /** The boundary: an S-shaped curve from the bottom left to the top right, past both edges. */
    static double boundaryY(double x) {
        return 1.0 - x + 0.11 * Math.sin(2 * Math.PI * x);
    }

    static Path2D boundary() {
        return offset(0);
    }

    /** The curve moved by d along its normal (d > 0 towards the upper left, class 0's side). */
    static Path2D offset(double d) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i <= 240; i++) {
            double x = -0.2 + 1.4 * i / 240.0;
            double slope = -1.0 + 0.11 * 2 * Math.PI * Math.cos(2 * Math.PI * x);
            double len = Math.hypot(1, slope);
            // (1, slope) is the tangent in y-down coordinates; (slope, -1) / len is its upward normal
            double px = x + d * slope / len, py = boundaryY(x) - d / len;
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        return p;
    }

    /** Distance from (x, y) to the boundary curve (sampled). */
    static double distance(double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= 4000; i++) {
            double cx = -0.2 + 1.4 * i / 4000.0;
            best = Math.min(best, Math.hypot(cx - x, boundaryY(cx) - y));
        }
        return best;
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // below 64 px fewer, larger dots; below 48 px no dashed margin lines and no white rims
        boolean few = size < 64, small = size < 48;
        // a rounded tile with a small inset, so the icon sits like its neighbours in a dock or menu
        double inset = size * (small ? 0.02 : 0.04);
        double side = size - 2 * inset;
        g.translate(inset, inset);
        g.scale(side, side);
        Shape tile = new RoundRectangle2D.Double(0, 0, 1, 1, 0.36, 0.36);
        g.setColor(PANEL);
        g.fill(tile);
        g.setClip(tile);

        // the two class regions, lightly tinted as the app shades them
        Path2D boundary = boundary();
        Path2D upper = new Path2D.Double(boundary);
        upper.lineTo(1.3, -0.3);
        upper.lineTo(-0.3, -0.3);
        upper.closePath();
        Area below = new Area(new Rectangle2D.Double(-0.3, -0.3, 1.6, 1.6));
        below.subtract(new Area(upper));
        g.setColor(new Color(0x0072B2 | 0x38 << 24, true));
        g.fill(upper);
        g.setColor(new Color(0xE69F00 | 0x40 << 24, true));
        g.fill(below);

        // the margin band and its dashed edges
        Path2D upperEdge = offset(MARGIN), lowerEdge = offset(-MARGIN);
        Path2D band = new Path2D.Double(upperEdge);
        Path2D reversed = offset(-MARGIN);
        double[] c = new double[6];
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        for (java.awt.geom.PathIterator it = reversed.getPathIterator(null); !it.isDone(); it.next()) {
            it.currentSegment(c);
            pts.add(new double[] {c[0], c[1]});
        }
        for (int i = pts.size() - 1; i >= 0; i--) {
            band.lineTo(pts.get(i)[0], pts.get(i)[1]);
        }
        band.closePath();
        g.setColor(new Color(255, 255, 255, 170));
        g.fill(band);
        if (!small) {
            float w = (float) Math.max(1.0 / side, 0.012);
            g.setColor(new Color(0x22, 0x22, 0x22, 200));
            g.setStroke(new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {0.045f, 0.03f}, 0f));
            g.draw(upperEdge);
            g.draw(lowerEdge);
        }
        // the boundary itself
        g.setColor(LINE);
        g.setStroke(new BasicStroke((float) Math.max(small ? 1.4 / side : 1.5 / side, 0.028),
                BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(boundary);

        // the points: circles and squares with a white rim
        double r = few ? 0.085 : 0.05;
        double rim = small ? 0 : few ? 0.6 / side : Math.max(1.0 / side, 0.012);
        for (double[] d : few ? BLUE_FEW : BLUE_DOTS) {
            dot(g, new Ellipse2D.Double(d[0] - r, d[1] - r, 2 * r, 2 * r), BLUE, rim);
        }
        double s = r * 0.9;
        for (double[] d : few ? ORANGE_FEW : ORANGE_DOTS) {
            dot(g, new Rectangle2D.Double(d[0] - s, d[1] - s, 2 * s, 2 * s), ORANGE, rim);
        }

        // a thin rim around the tile
        g.setClip(null);
        g.setColor(new Color(20, 20, 20, 110));
        g.setStroke(new BasicStroke((float) Math.max(1.0 / side, 0.008)));
        g.draw(new RoundRectangle2D.Double(0, 0, 1, 1, 0.36, 0.36));
        g.dispose();
        return img;
    }

    private static void dot(Graphics2D g, Shape s, Color c, double rim) {
        g.setColor(c);
        g.fill(s);
        if (rim <= 0) {
            return;
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) rim));
        g.draw(s);
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An .icns of PNG-compressed entries (macOS 10.7 and later read these). */
    static byte[] icns() throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("icp6", 64);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic13", 256);
        types.put("ic09", 512);
        types.put("ic14", 512);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png(draw(e.getValue()));
            d.writeBytes(e.getKey());
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.writeBytes("icns");
        a.writeInt(8 + body.size());
        a.write(body.toByteArray());
        return all.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        // the dots must lie outside the margin band
        for (double[][] set : new double[][][] {BLUE_DOTS, ORANGE_DOTS, BLUE_FEW, ORANGE_FEW}) {
            for (double[] p : set) {
                double dist = distance(p[0], p[1]);
                double radius = set == BLUE_FEW || set == ORANGE_FEW ? 0.085 : 0.05;
                if (dist < MARGIN + radius - 0.005) {
                    throw new IllegalStateException("dot " + p[0] + "," + p[1] + " is " + dist + " from the boundary");
                }
                boolean above = p[1] < boundaryY(p[0]);
                boolean shouldBeAbove = set == BLUE_DOTS || set == BLUE_FEW;
                if (above != shouldBeAbove) {
                    throw new IllegalStateException("dot " + p[0] + "," + p[1] + " is on the wrong side");
                }
            }
        }
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            ImageIO.write(draw(size), "png", dir.resolve("marginscope-" + size + ".png").toFile());
        }
        ImageIO.write(draw(256), "png", dir.resolve("marginscope.png").toFile());
        Files.write(dir.resolve("marginscope.icns"), icns());
    }
}
