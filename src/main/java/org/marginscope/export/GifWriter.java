package org.marginscope.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.marginscope.data.AtomicFiles;
import org.marginscope.render.Figure;

/**
 * An animated GIF from a sequence of figures, with the JDK's own GIF writer (no dependency): frames are
 * painted and written one at a time (memory stays one frame), the file appears only when complete,
 * and a cancel leaves nothing behind.
 */
public final class GifWriter {
    /** The frames: painted on demand, in order. */
    public interface Frames {
        int count();

        Figure frame(int i);
    }

    private GifWriter() {
    }

    /**
     * @param progress  told the number of frames written so far (may be null)
     * @param cancelled polled before each frame; true aborts with a CancellationException (may be null)
     */
    public static void write(Frames frames, Path file, double fps, IntConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        if (frames.count() < 1) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        if (!(fps > 0 && fps <= 50)) {
            throw new IllegalArgumentException("frame rate must be in (0, 50] frames/s, got " + fps);
        }
        int delayCs = (int) Math.max(2, Math.round(100 / fps)); // GIF delays are in 1/100 s; < 2 is ignored by viewers
        ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
        AtomicFiles.write(file, out -> {
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.prepareWriteSequence(null);
                for (int i = 0; i < frames.count(); i++) {
                    if (cancelled != null && cancelled.getAsBoolean()) {
                        throw new CancellationException("animation export cancelled");
                    }
                    BufferedImage img = FigureWriter.raster(frames.frame(i), 1);
                    w.writeToSequence(new IIOImage(img, null, metadata(w, img, delayCs, i == 0)), null);
                    if (progress != null) {
                        progress.accept(i + 1);
                    }
                }
                w.endWriteSequence();
            } finally {
                w.dispose();
            }
        });
    }

    private static IIOMetadata metadata(ImageWriter w, BufferedImage img, int delayCs, boolean first)
            throws IOException {
        IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        String format = md.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) { // NETSCAPE2.0: loop for ever
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        md.setFromTree(format, root);
        return md;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
