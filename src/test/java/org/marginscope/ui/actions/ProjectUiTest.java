package org.marginscope.ui.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.PresetLibrary;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.Session;

/** Save a session, change everything, open it again; a damaged file changes nothing; autosave and recents. */
class ProjectUiTest extends AppWindowTest {
    private final String home = System.getProperty("marginscope.home");

    ProjectUiTest() {
        System.setProperty("marginscope.noConfirm", "true");
    }

    @AfterEach
    void restoreProperties() {
        System.clearProperty("marginscope.noConfirm");
        if (home != null) {
            System.setProperty("marginscope.home", home);
        }
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void savedProjectReopensWithDataModelTimelineAndViewSettings(FxRobot robot, @TempDir Path dir) throws Exception {
        Session s = window.session();
        s.trainer().step(120);
        s.trainer().awaitIdle();
        CheckBox grid = robot.lookup("#show-grid").queryAs(CheckBox.class);
        fx(() -> {
            grid.setSelected(true);
            return null;
        });
        Dataset data = s.dataset();
        String spec = s.specProperty().get().toString();
        double[] weights = s.trainer().latest().parameters().weights(0);
        int kept = s.trainer().timeline().size();
        Path file = dir.resolve("lecture.msproj");
        assertTrue(fx(() -> window.projects().save(file, true)).get(30, TimeUnit.SECONDS), "saved");
        assertTrue(Files.size(file) > 10_000);
        assertTrue(ProjectActions.recent().contains(file.toAbsolutePath()), "listed under Open recent");

        fx(() -> {
            s.loadPreset(PresetLibrary.byName("li-blob3-small-net"));
            grid.setSelected(false);
            return null;
        });
        s.trainer().step(5);
        s.trainer().awaitIdle();
        assertFalse(spec.equals(s.specProperty().get().toString()));

        assertTrue(fx(() -> window.projects().open(file)).get(30, TimeUnit.SECONDS), "opened");
        s.trainer().sync();
        s.trainer().awaitIdle();
        assertArrayEquals(data.trainX(), s.dataset().trainX(), 0.0);
        assertArrayEquals(data.trainY(), s.dataset().trainY());
        assertEquals(spec, s.specProperty().get().toString());
        assertEquals(120, s.trainer().latest().step(), "the model is back at step 120");
        assertArrayEquals(weights, s.trainer().latest().parameters().weights(0), 0.0, "with its weights");
        assertEquals(kept, s.trainer().timeline().size(), "and its timeline");
        assertTrue(grid.isSelected(), "and the view settings");
        robot.type(javafx.scene.input.KeyCode.HOME);
        assertEquals(0, s.shown().step(), "the reopened timeline scrubs");
    }

    @Test
    void theNetworksTrainedBesideItReopenWithTheirWeights(@TempDir Path dir) throws Exception {
        Session s = window.session();
        fx(() -> {
            s.loadPreset(PresetLibrary.byName("nar-fig2")); // cross-entropy with differential training beside it
            return null;
        });
        s.trainer().sync();
        s.trainer().step(400);
        s.trainer().awaitIdle();
        var before = s.trainer().latest();
        assertEquals(1, before.companions().size());
        double[] companion = before.companions().get(0).parameters().weights(0);
        Path file = dir.resolve("nar.msproj");
        assertTrue(fx(() -> window.projects().save(file, true)).get(30, TimeUnit.SECONDS), "saved");
        fx(() -> {
            s.loadPreset(PresetLibrary.byName("li-blob-small-net"));
            return null;
        });
        s.trainer().sync();
        assertTrue(s.trainer().latest().companions().isEmpty());
        assertTrue(fx(() -> window.projects().open(file)).get(30, TimeUnit.SECONDS), "opened");
        s.trainer().sync();
        s.trainer().awaitIdle();
        var after = s.trainer().latest();
        assertEquals(400, after.step());
        assertEquals(1, after.companions().size(), "the differential-training net is back");
        assertEquals("differential training", after.companions().get(0).label());
        assertArrayEquals(companion, after.companions().get(0).parameters().weights(0), 0.0, "with its weights");
        var kept = s.trainer().timeline().snapshots();
        assertTrue(kept.size() > 10 && kept.stream().allMatch(k -> k.companions().size() == 1),
                "every kept snapshot carries it, so scrubbing shows it");
        // and it trains on from there in lockstep
        s.trainer().step(10);
        s.trainer().awaitIdle();
        assertEquals(410, s.trainer().latest().step());
        assertFalse(java.util.Arrays.equals(companion, s.trainer().latest().companions().get(0).parameters().weights(0)));
    }

    @Test
    void aProjectThatCannotTrainIsRefusedBeforeTheSessionChanges(@TempDir Path dir) throws Exception {
        Session s = window.session();
        s.trainer().step(20);
        s.trainer().awaitIdle();
        Path good = dir.resolve("good.msproj");
        assertTrue(fx(() -> window.projects().save(good, false)).get(30, TimeUnit.SECONDS), "saved");
        String json = Files.readString(good);
        Dataset before = s.dataset();
        String spec = s.specProperty().get().toString();
        for (String[] bad : new String[][] {
            {"wide.msproj", json.replaceFirst("\"width\" : \\d+", "\"width\" : 1000000000"), "100,000"},
            {"empty.msproj", json.replaceFirst("\"trainX\" : \\[[^\\]]*\\]", "\"trainX\" : [ ]")
                    .replaceFirst("\"trainY\" : \\[[^\\]]*\\]", "\"trainY\" : [ ]"), "no training points"}}) {
            Path f = dir.resolve(bad[0]);
            Files.writeString(f, bad[1]);
            assertFalse(fx(() -> window.projects().open(f)).get(30, TimeUnit.SECONDS), bad[0]);
            String m = s.messageProperty().get();
            assertTrue(m.startsWith("Project not opened: ") && m.contains(bad[0]) && m.contains(bad[2]), m);
            assertFalse(m.contains("Exception") || m.contains("Error"), m);
            s.trainer().sync();
            s.trainer().awaitIdle();
            assertSame(before, s.dataset(), "the data are untouched");
            assertEquals(spec, s.specProperty().get().toString(), "so is the network");
            assertEquals(20, s.trainer().latest().step(), "and the model");
        }
    }

    @Test
    void aDamagedProjectChangesNothingAndAutosaveComesAndGoes(@TempDir Path dir) throws Exception {
        Session s = window.session();
        s.trainer().step(30);
        s.trainer().awaitIdle();
        Dataset before = s.dataset();
        Path bad = dir.resolve("bad.msproj");
        Files.writeString(bad, "{\"format\": 1, \"data\": {\"name\": ");
        assertFalse(fx(() -> window.projects().open(bad)).get(30, TimeUnit.SECONDS));
        assertTrue(s.messageProperty().get().contains("bad.msproj"), s.messageProperty().get());
        assertSame(before, s.dataset(), "the data are untouched");
        assertEquals(30, s.trainer().latest().step(), "so is the model");

        System.setProperty("marginscope.home", dir.resolve("home").toString());
        fx(() -> {
            window.projects().autosave();
            return null;
        });
        Path auto = ProjectActions.autosaveFile();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.isRegularFile(auto));
        var p = org.marginscope.experiment.ProjectFile.read(auto);
        assertEquals(30, p.current().step(), "the autosave holds the current weights");
        window.projects().closeCleanly();
        assertFalse(Files.exists(auto), "a clean exit removes the autosave");
    }
}
