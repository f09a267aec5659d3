package org.marginscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.ui.actions.SeedSweepDialog;
import org.marginscope.ui.window.AboutInfo;

/**
 * The desktop app. Parameters: {@code --preset NAME} (default li-blob-small-net), {@code --tab NAME}
 * (the side panel to show), {@code --regions-mode units|gradients|gradient-biases|partial-backprop|linear-regions} (open van den
 * Berg's Regions tab in that mode), {@code --confidence} (start with Nar's confidence shading), {@code --theme
 * light|dark}, {@code --presentation} (presentation mode), {@code --tour ID [--tour-step N]} (open a tour at
 * a step instead of training), {@code --steps N --metrics-out FILE.csv} (train to step N - the preset's
 * steps without --steps - write the run's metrics.csv, the same columns as {@code run --out}, and exit), and for the CI
 * smoke run {@code --screenshot FILE --after SECONDS [--scrub-to STEP]}: train that long (then show the
 * snapshot at or before STEP), save the window through the
 * app's own snapshot function, exit. {@code --seeds A..B [--seed-steps N]} opens Model &gt; Run over seeds and runs those
 * seeds (the preset's steps without --seed-steps): with {@code --screenshot}, give {@code --after} time for the bands. {@code --gallery} opens File &gt; Examples (the preset gallery) at the start; with
 * {@code --screenshot} the picture is then the gallery's window (its previews come from the cache under
 * {@code ~/.cache/marginscope/gallery}, or {@code -Dmarginscope.cacheDir}; give {@code --after} time to paint the
 * missing ones). The gallery also opens by itself at the very first start (remembered in the app's settings), but
 * never with {@code --screenshot}, {@code --tour}, {@code --metrics-out}, {@code --seeds}, {@code --preset} or
 * {@code --presentation}, nor in tests (they build the window without this class).
 */
public final class MarginScopeApp extends Application {
    public static final String DEFAULT_PRESET = "li-blob-small-net";
    /** The settings key that remembers the gallery was shown at a first start. */
    static final String GALLERY_SHOWN = "gallery.shown";

    /** Runs on the launcher thread before the window: ND4J's start-up (seconds with CUDA) stays off the FX thread. */
    @Override
    public void init() {
        org.marginscope.model.BackendInfo.describe();
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        String preset = option(args, "--preset", DEFAULT_PRESET);
        AboutInfo.setHostServices(getHostServices());
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = MarginScopeApp.class.getResourceAsStream("/org/marginscope/assets/icons/marginscope-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        }
        MainWindow window = new MainWindow(stage, PresetLibrary.byName(preset));
        stage.show();
        String tab = option(args, "--tab", null);
        if (tab != null) {
            window.showTab(tab);
        }
        String regionsMode = option(args, "--regions-mode", null);
        if (regionsMode != null) {
            window.showRegions(regionsMode);
        }
        if (args.contains("--confidence")) {
            window.view().showConfidenceProperty().set(true);
        }
        String theme = option(args, "--theme", null);
        if (theme != null) {
            try {
                window.themeProperty().set(Theme.valueOf(theme.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                System.err.println("marginscope: --theme takes light or dark, not '" + theme + "'; keeping " + window.themeProperty().get().title());
            }
        }
        if (args.contains("--presentation")) {
            window.presentationProperty().set(true);
        }
        String tour = option(args, "--tour", null);
        String metricsOut = option(args, "--metrics-out", null);
        if (tour != null) {
            try {
                int step = Integer.parseInt(option(args, "--tour-step", "1"));
                window.openTour(org.marginscope.experiment.TourLibrary.byId(tour), step - 1);
            } catch (IllegalArgumentException e) { // an unknown tour, or a step that is not a number
                System.err.println("marginscope: " + (e instanceof NumberFormatException
                        ? "--tour-step takes a step number, not '" + option(args, "--tour-step", "") + "'" : e.getMessage()));
                window.play();
            }
        } else if (metricsOut != null) {
            trainThenWriteMetrics(window, PresetLibrary.byName(preset), args, Path.of(metricsOut));
        } else {
            window.play();
        }
        String seeds = option(args, "--seeds", null);
        if (seeds != null && tour == null && metricsOut == null) {
            window.runOverSeeds(seeds, option(args, "--seed-steps", null));
        }
        String shot = option(args, "--screenshot", null);
        if (shot == null) {
            window.projects().offerRecovery();
        }
        if (galleryAtStart(args, Settings.prefs())) {
            window.showGallery();
        }
        if (shot != null) {
            double after = Double.parseDouble(option(args, "--after", "5"));
            String scrub = option(args, "--scrub-to", null);
            if (scrub != null) {
                // pause, then pin every view to the snapshot at or before that step for the picture
                PauseTransition pin = new PauseTransition(Duration.seconds(Math.max(0.1, after - 1.5)));
                pin.setOnFinished(e -> {
                    window.session().trainer().pause();
                    window.session().view(window.session().trainer().timeline().atOrBefore(Long.parseLong(scrub)));
                });
                pin.play();
            }
            PauseTransition wait = new PauseTransition(Duration.seconds(after));
            wait.setOnFinished(e -> {
                int code = 0;
                try {
                    if (args.contains("--gallery") && window.gallery().stage().isShowing()) {
                        window.saveScreenshot(Path.of(shot), window.gallery().stage().getScene().getRoot(), 1);
                    } else {
                        window.saveScreenshot(Path.of(shot), null, 1);
                    }
                    System.out.println("screenshot saved: " + shot);
                } catch (Exception ex) {
                    System.err.println("marginscope: screenshot failed: " + ex.getMessage());
                    code = 1;
                }
                int exit = code;
                stage.close();
                Platform.exit();
                System.exit(exit);
            });
            wait.play();
        }
    }

    /**
     * Whether the gallery opens with the window: asked for with {@code --gallery}, or at the first start of a window
     * someone will use and has not said what to show in (not a screenshot, tour, metrics or seeds run, which are
     * scripted, nor a start with a preset or in presentation mode).
     */
    public static boolean opensGalleryAtStart(List<String> args, boolean shownBefore) {
        return args.contains("--gallery") || !shownBefore && java.util.stream.Stream.of("--screenshot", "--tour",
                "--metrics-out", "--seeds", "--preset", "--presentation").noneMatch(args::contains);
    }

    /** {@link #opensGalleryAtStart} with the settings that remember a first start's gallery, marked shown if it opens. */
    static boolean galleryAtStart(List<String> args, java.util.prefs.Preferences prefs) {
        boolean open = opensGalleryAtStart(args, prefs.getBoolean(GALLERY_SHOWN, false));
        if (open) {
            prefs.putBoolean(GALLERY_SHOWN, true);
        }
        return open;
    }

    /**
     * {@code --metrics-out}: the window trains to the step asked for while every view and chart runs as usual, then
     * the timeline's snapshots go out as metrics.csv - what {@code run --out} writes for the same preset, so anyone
     * can hold the app's numbers against the command line's.
     */
    private static void trainThenWriteMetrics(MainWindow window, org.marginscope.experiment.Preset preset,
                                              List<String> args, Path file) {
        long steps = Long.parseLong(option(args, "--steps", Long.toString(preset.steps())));
        var trainer = window.session().trainer();
        trainer.stepTo(steps);
        Thread waiter = new Thread(() -> {
            int code = 0;
            try {
                while (!trainer.settled() || trainer.isRunning() || trainer.latest() == null
                        || trainer.latest().step() < steps) {
                    Thread.sleep(50);
                }
                trainer.awaitIdle();
                org.marginscope.experiment.MetricsCsv.write(trainer.timeline().snapshots(), file);
                System.out.println("metrics written: " + file + " (step " + trainer.latest().step() + ")");
            } catch (Exception ex) {
                System.err.println("marginscope: could not write " + file + ": " + ex.getMessage());
                code = 1;
            }
            int exit = code;
            Platform.runLater(() -> {
                Platform.exit();
                System.exit(exit);
            });
        }, "marginscope-metrics-out");
        waiter.setDaemon(true);
        waiter.start();
    }

    /**
     * What is wrong with the {@code gui} options, checked before any window opens (null: nothing): an unknown
     * preset, a number that is not one, a Regions mode that does not exist.
     */
    public static String problemWith(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) {
                continue;
            }
            if (!VALUED.contains(a)) {
                return (a.startsWith("-") ? "unknown option '" + a + "'" : "unexpected '" + a + "'")
                        + " (`marginscope gui --help` lists the options)";
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                return a + " needs a value (`marginscope gui --help`)";
            }
            i++;
        }
        String preset = option(args, "--preset", null);
        if (preset != null && PresetLibrary.builtIn().stream().noneMatch(p -> p.name().equals(preset))) {
            return "unknown preset '" + preset + "' (`marginscope presets` lists the "
                    + PresetLibrary.builtIn().size() + " there are)";
        }
        for (String number : new String[] {"--after", "--scrub-to"}) {
            String v = option(args, number, null);
            try {
                if (v != null && !(Double.parseDouble(v) >= 0)) {
                    return number + " takes a number of " + (number.equals("--after") ? "seconds" : "steps")
                            + " of 0 or more, not '" + v + "'";
                }
                if (v != null && number.equals("--scrub-to")) {
                    Long.parseLong(v);
                }
            } catch (NumberFormatException e) {
                return number + " takes a " + (number.equals("--after") ? "number of seconds" : "step number")
                        + ", not '" + v + "'";
            }
        }
        String steps = option(args, "--steps", null);
        if (steps != null) {
            try {
                if (Long.parseLong(steps) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                return "--steps takes a number of steps of 0 or more, not '" + steps + "'";
            }
        }
        String seeds = option(args, "--seeds", null);
        if (args.contains("--seeds") || args.contains("--seed-steps")) {
            if (seeds == null) {
                return args.contains("--seeds") ? "--seeds takes seeds A..B (e.g. 1..5)" : "--seed-steps goes with --seeds A..B";
            }
            try {
                String[] ab = seeds.split("\\.\\.", 2);
                SeedSweepDialog.seeds(ab[0], ab.length > 1 ? ab[1] : ab[0]);
                if (option(args, "--seed-steps", null) != null) {
                    SeedSweepDialog.steps(option(args, "--seed-steps", null));
                } else if (args.contains("--seed-steps")) {
                    return "--seed-steps takes a number of steps";
                }
            } catch (IllegalArgumentException e) {
                return "--seeds takes seeds A..B (e.g. 1..5): " + e.getMessage();
            }
        }
        if (args.contains("--metrics-out") && option(args, "--metrics-out", null) == null) {
            return "--metrics-out takes a file name for the metrics (CSV)";
        }
        String mode = option(args, "--regions-mode", null);
        try {
            if (mode != null) {
                org.marginscope.experiment.RegionsFigure.Mode.byViewName(mode);
            }
        } catch (IllegalArgumentException e) {
            return "--regions-mode: " + e.getMessage();
        }
        return null;
    }

    /** The options that stand alone, and those followed by a value (docs/cli.md's `gui` row). */
    static final List<String> FLAGS = List.of("--confidence", "--presentation", "--gallery"),
            VALUED = List.of("--preset", "--tab", "--regions-mode", "--theme", "--tour", "--tour-step", "--screenshot",
                    "--after", "--scrub-to", "--steps", "--metrics-out", "--seeds", "--seed-steps");

    /** `marginscope gui --help`. */
    public static final String USAGE = String.join("\n",
            "Usage: marginscope [gui] [options]   (the desktop app; needs a display, or xvfb-run)",
            "  --preset NAME          start on this preset (`marginscope presets` lists them)",
            "  --tab NAME             show this view's tab: original, transformed, neurons, regions",
            "  --regions-mode MODE    the Regions tab in units, gradients, gradient-biases, partial-backprop or linear-regions",
            "  --confidence           Nar's confidence shading in the original view",
            "  --theme light|dark     choose (and keep) the theme",
            "  --presentation         start in presentation mode",
            "  --gallery              open File > Examples, the preset gallery",
            "  --tour ID [--tour-step N]  open a built-in tour (first-five-minutes, li, sarussi, vandenberg, poggio, nar)",
            "  --screenshot FILE --after S [--scrub-to STEP]  train S seconds, save the window as PNG, exit",
            "  --steps N --metrics-out FILE.csv  train to step N, write run's metrics.csv columns, exit",
            "  --seeds A..B [--seed-steps N]     run the preset over these seeds (Model > Run over seeds)",
            "docs/cli.md describes each; the headless commands: marginscope --help");

    /**
     * Why no window can open here, or null: on Linux and the BSDs a window needs an X or Wayland display, and
     * JavaFX's own failure is a stack trace (Monocle, the headless platform, needs none).
     */
    public static String noDisplay(java.util.Map<String, String> env, String osName, String glassPlatform) {
        boolean unixDesktop = !osName.startsWith("Windows") && !osName.startsWith("Mac");
        boolean none = isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
        return unixDesktop && none && !"Monocle".equals(glassPlatform)
                ? "no display to open the window on (DISPLAY is not set). Run it on a desktop, or on a machine"
                        + " without one under xvfb-run (e.g. `xvfb-run -a java -jar target/marginscope.jar`);"
                        + " the headless commands (`marginscope --help`) need no display"
                : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    /** Starts the app (blocks until the window closes). */
    public static void launch(String... args) {
        Application.launch(MarginScopeApp.class, args);
    }
}
