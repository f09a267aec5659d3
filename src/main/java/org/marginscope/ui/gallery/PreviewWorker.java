package org.marginscope.ui.gallery;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetPreview;
import org.marginscope.experiment.PresetPreviewCache;
import org.marginscope.render.PresetThumbnail;

/**
 * The gallery's worker ({@code marginscope-gallery}, lowest priority): first every preview already in the disk cache,
 * then the rest measured one preset at a time - those whose cards the search shows first - and stored. Results reach
 * the FX thread by {@code Platform.runLater}. Stopped when the gallery closes; what it finished stays done.
 */
final class PreviewWorker {
    /** A preview ready for the FX thread: the numbers, and the thumbnail already as a JavaFX image. */
    record Ready(PresetPreview preview, javafx.scene.image.Image image) {
    }

    private final PresetPreviewCache cache;
    private final List<Preset> pending = new ArrayList<>();
    private volatile Set<String> preferred = Set.of();
    /** The running worker's go-ahead: each start has its own, so a stopped worker never resumes. */
    private java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean();

    PreviewWorker(PresetPreviewCache cache) {
        this.cache = cache;
    }

    /** Starts on these presets; {@code done} gets each preview, or null with the reason it failed, on the FX thread. */
    synchronized void start(List<Preset> presets, BiConsumer<Preset, Ready> done, BiConsumer<Preset, String> failed) {
        stop();
        pending.clear();
        pending.addAll(presets);
        going = new java.util.concurrent.atomic.AtomicBoolean(true);
        var mine = going;
        Thread thread = new Thread(() -> work(mine, done, failed), "marginscope-gallery");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** These presets' cards are the ones on screen: measure them next. */
    void prefer(Set<String> names) {
        preferred = Set.copyOf(names);
    }

    synchronized void stop() {
        going.set(false);
    }

    private void work(java.util.concurrent.atomic.AtomicBoolean go, BiConsumer<Preset, Ready> done,
                      BiConsumer<Preset, String> failed) {
        for (Preset p : snapshotOfPending()) {
            if (!go.get()) {
                return;
            }
            cache.load(p).ifPresent(v -> deliver(p, v, done));
        }
        PresetThumbnail painter = new PresetThumbnail();
        while (go.get()) {
            Preset p = next();
            if (p == null) {
                return;
            }
            try {
                PresetPreview v = PresetPreview.measure(p, painter);
                try {
                    cache.store(p, v);
                } catch (java.io.IOException e) { // shown all the same; measured again next time
                    System.err.println("marginscope: could not cache the preview of " + p.name() + ": " + e.getMessage());
                }
                deliver(p, v, done);
            } catch (RuntimeException e) {
                Preset failedOne = p;
                Platform.runLater(() -> failed.accept(failedOne, "no preview: this preset could not be trained here"));
            }
        }
    }

    private synchronized List<Preset> snapshotOfPending() {
        return List.copyOf(pending);
    }

    private void deliver(Preset p, PresetPreview v, BiConsumer<Preset, Ready> done) {
        synchronized (this) {
            pending.remove(p);
        }
        Ready r = new Ready(v, image(v.thumbnail()));
        Platform.runLater(() -> done.accept(p, r));
    }

    /** Takes the next preset to measure: the first pending one on screen, else the first pending one. */
    private synchronized Preset next() {
        Set<String> want = preferred;
        Preset p = pending.stream().filter(q -> want.contains(q.name())).findFirst()
                .orElse(pending.isEmpty() ? null : pending.get(0));
        pending.remove(p);
        return p;
    }

    static javafx.scene.image.Image image(BufferedImage b) {
        int w = b.getWidth(), h = b.getHeight();
        int[] argb = b.getRGB(0, 0, w, h, null, 0, w);
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
