package org.marginscope.ui.gallery;

import java.util.Locale;
import javafx.application.Platform;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetPreview;
import org.marginscope.ui.Session;

/** Loading a long preset says in the status line how long its whole run should take on this machine. */
public final class PresetPace {
    /** From this many steps on, loading a preset measures its pace and says how long its whole run should take. */
    public static final long LONG_RUN_STEPS = 20_000;

    private PresetPace() {
    }

    /**
     * A short timed run of the preset on a low-priority thread, before the user presses Play (the window is
     * paused after loading), then the expected duration in the status line - if that preset is still loaded.
     */
    public static void announce(Preset p, Session session) {
        Thread t = new Thread(() -> {
            PresetPreview pace;
            try {
                pace = PresetPreview.pace(p);
            } catch (RuntimeException e) {
                return; // the estimate is a courtesy: the preset itself loaded, and training reports its own problems
            }
            if (pace.secondsPerStep() <= 0) {
                return;
            }
            String text = String.format(Locale.ROOT, "%s: %,d steps, expected about %s on this machine%s",
                    p.name(), p.steps(), GalleryCard.duration(pace.expectedSeconds(p)),
                    p.stop() != null ? " (its stop rule can end it sooner)" : "");
            Platform.runLater(() -> {
                if (session.presetProperty().get() == p) {
                    session.messageProperty().set(text);
                }
            });
        }, "marginscope-preset-pace");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
