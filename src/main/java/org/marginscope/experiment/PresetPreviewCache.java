package org.marginscope.experiment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.marginscope.data.AtomicFiles;

/**
 * The gallery's previews on disk, one PNG and one properties file per preset, named by the preset and a hash of its
 * whole JSON, so an edited preset is measured and painted again. Lives in the user's cache directory
 * ({@link #defaultDirectory()}); anything unreadable there counts as not cached.
 */
public final class PresetPreviewCache {
    /** Bumped when the thumbnails are painted differently, so old pictures are not shown. */
    static final int FORMAT = 4;
    private final Path dir;

    public PresetPreviewCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /**
     * {@code -Dmarginscope.cacheDir}, else the platform's cache directory: {@code $XDG_CACHE_HOME} or
     * {@code ~/.cache} on Linux, {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows; then
     * {@code marginscope/gallery} in it.
     */
    public static Path defaultDirectory() {
        String set = System.getProperty("marginscope.cacheDir");
        if (set != null && !set.isBlank()) {
            return Path.of(set, "gallery");
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path base;
        if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
            base = Path.of(System.getenv("LOCALAPPDATA"));
        } else if (os.contains("mac")) {
            base = Path.of(home, "Library", "Caches");
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
        }
        return base.resolve("marginscope").resolve("gallery");
    }

    public Optional<PresetPreview> load(Preset p) {
        Path png = file(p, ".png"), props = file(p, ".properties");
        if (!Files.isRegularFile(png) || !Files.isRegularFile(props)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(props)) {
            Properties pr = new Properties();
            pr.load(in);
            BufferedImage img = ImageIO.read(png.toFile());
            if (img == null) {
                return Optional.empty();
            }
            return Optional.of(new PresetPreview(img, Double.parseDouble(pr.getProperty("secondsPerStep")),
                    Double.parseDouble(pr.getProperty("secondsPerSnapshot")),
                    Long.parseLong(pr.getProperty("stepsTrained"))));
        } catch (IOException | RuntimeException e) { // a damaged entry is measured again
            return Optional.empty();
        }
    }

    public void store(Preset p, PresetPreview v) throws IOException {
        AtomicFiles.write(file(p, ".png"), out -> {
            if (!ImageIO.write(v.thumbnail(), "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        Properties pr = new Properties();
        pr.setProperty("secondsPerStep", Double.toString(v.secondsPerStep()));
        pr.setProperty("secondsPerSnapshot", Double.toString(v.secondsPerSnapshot()));
        pr.setProperty("stepsTrained", Long.toString(v.stepsTrained()));
        pr.setProperty("preset", p.name());
        AtomicFiles.write(file(p, ".properties"), out -> pr.store(out, "MarginScope gallery preview"));
    }

    Path file(Preset p, String ext) {
        return dir.resolve(p.name() + "-" + key(p) + ext);
    }

    private static String key(Preset p) {
        try {
            String json = Json.MAPPER.writeValueAsString(p);
            return Integer.toHexString((json + "#" + FORMAT).hashCode());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("preset " + p.name() + " cannot be written as JSON", e);
        }
    }
}
