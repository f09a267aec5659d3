package org.marginscope.ui.actions;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.marginscope.data.AtomicFiles;

/** Saves a node as it appears on screen (optionally scaled) to a PNG file, atomically. */
final class PngWriter {
    private PngWriter() {
    }

    static Image snapshot(Node node, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return node.snapshot(p, null);
    }

    static void write(Image image, Path file) throws IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        AtomicFiles.write(file, os -> {
            if (!ImageIO.write(out, "png", os)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
