package org.marginscope.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.marginscope.experiment.PresetLibrary;

/**
 * The memory soak of issue 23 item 5, run by bench/soak.sh (not a test: it runs for many minutes): opens the
 * app's window, trains, switches to the next preset every few seconds, and every ten seconds writes the heap
 * and the timeline's size to a CSV (the script samples the process's RSS beside it). Arguments:
 * {@code MINUTES SWITCH_SECONDS OUT.csv PRESET[,PRESET...]}.
 */
public final class SoakDriver {
    private SoakDriver() {
    }

    public static void main(String[] args) throws IOException {
        double minutes = Double.parseDouble(args[0]);
        double switchSeconds = Double.parseDouble(args[1]);
        PrintWriter csv = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])), true);
        List<String> presets = List.of(args[3].split(","));
        csv.println("seconds,preset,heap_used_mb,heap_committed_mb,timeline_snapshots,timeline_mb,step");
        long start = System.nanoTime();
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setWidth(1440);
            stage.setHeight(860);
            MainWindow w = new MainWindow(stage, PresetLibrary.byName(presets.get(0)));
            stage.show();
            w.play();
            int[] next = {1};
            String[] current = {presets.get(0)};
            Timeline switches = new Timeline(new KeyFrame(Duration.seconds(switchSeconds), e -> {
                current[0] = presets.get(next[0]++ % presets.size());
                w.loadPreset(PresetLibrary.byName(current[0]));
                w.play();
            }));
            switches.setCycleCount(Timeline.INDEFINITE);
            switches.play();
            Timeline samples = new Timeline(new KeyFrame(Duration.seconds(10), e -> {
                Runtime rt = Runtime.getRuntime();
                var timeline = w.session().trainer().timeline();
                double t = (System.nanoTime() - start) * 1e-9;
                csv.println(String.format(Locale.ROOT, "%.0f,%s,%.1f,%.1f,%d,%.1f,%d", t, current[0],
                        (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.totalMemory() / 1e6, timeline.size(),
                        timeline.bytes() / 1e6, w.session().trainer().latest() == null ? -1
                                : w.session().trainer().latest().step()));
                if (t > minutes * 60) {
                    csv.close();
                    Platform.exit();
                    System.exit(0);
                }
            }));
            samples.setCycleCount(Timeline.INDEFINITE);
            samples.play();
        });
    }
}
