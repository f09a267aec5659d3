package org.marginscope.export;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.marginscope.data.AtomicFiles;
import org.marginscope.render.Figure;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.w3c.dom.Document;

/**
 * Writes a {@link Figure} as PNG (scale 1-4), SVG (Batik) or PDF (PDFBox), atomically. In SVG and PDF
 * the points, lines and contours are vectors, the shaded fields embedded images, and text is drawn
 * as outlines, so the files look the same without our fonts.
 */
public final class FigureWriter {
    public enum Format {
        PNG, SVG, PDF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** png, svg or pdf (any case); a clear error for anything else. */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.extension().equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown figure format '" + s + "' (png, svg or pdf)");
        }

        /** The format a file name asks for by its extension, or null. */
        public static Format ofFile(Path p) {
            String n = p.getFileName().toString();
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            try {
                return parse(n.substring(dot + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private FigureWriter() {
    }

    /** Batik embeds images as base64 PNG; this writes the PNG with the JDK's ImageIO (no batik-codec needed). */
    private static final class PngDataUris extends org.apache.batik.svggen.ImageHandlerBase64Encoder {
        @Override
        public void encodeImage(java.awt.image.RenderedImage img, java.io.OutputStream base64)
                throws org.apache.batik.svggen.SVGGraphics2DIOException {
            try {
                ImageIO.write(img, "png", base64); // the stream Batik passes encodes base64 itself
            } catch (IOException e) {
                throw new org.apache.batik.svggen.SVGGraphics2DIOException(e);
            }
        }
    }

    public static void write(Figure f, Format format, Path file, int pngScale) throws IOException {
        switch (format) {
            case PNG -> writePng(f, file, pngScale);
            case SVG -> writeSvg(f, file);
            case PDF -> writePdf(f, file);
            default -> throw new IllegalArgumentException(format.toString());
        }
    }

    public static BufferedImage raster(Figure f, int scale) {
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("PNG scale must be 1 to 4, got " + scale);
        }
        BufferedImage img = new BufferedImage(f.width() * scale, f.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            f.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void writePng(Figure f, Path file, int scale) throws IOException {
        BufferedImage img = raster(f, scale);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    public static void writeSvg(Figure f, Path file) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder: " + e.getMessage(), e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("MarginScope figure");
        ctx.setImageHandler(new PngDataUris());
        SVGGraphics2D g = new SVGGraphics2D(ctx, true); // true: text as outlines
        g.setSVGCanvasSize(new Dimension(f.width(), f.height()));
        f.paint(g);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            g.stream(w, true);
            w.flush();
        });
        g.dispose();
    }

    public static void writePdf(Figure f, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(f.width(), f.height()));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.width(), f.height());
            try {
                f.paint(g);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            AtomicFiles.write(file, doc::save);
        }
    }
}
