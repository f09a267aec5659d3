package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.Dataset;
import org.marginscope.model.Parameters;
import org.marginscope.train.Snapshot;
import org.marginscope.train.TrainingEngine;

/** `.msproj` round trips exactly; damaged, foreign and future files are refused with a clear message. */
class ProjectFileTest {
    static Project trained(String preset, long steps) {
        Preset p = PresetLibrary.byName(preset);
        Dataset d = p.dataset().build().split(0.25, 3);
        TrainingEngine e = new TrainingEngine(d, p.network(), p.training());
        e.run(steps);
        Snapshot now = e.recordCurrent();
        List<Project.Kept> kept = e.timeline().snapshots().stream().map(Project.Kept::of).toList();
        return new Project(Project.FORMAT, "test", p.name(), Project.Data.of(d), p.network(), p.training(),
                Map.of("show-svm", true, "show-grid", false), Project.Weights.of(now.parameters(), now.step()), kept);
    }

    private static void assertSameWeights(Parameters a, Parameters b) {
        assertEquals(a.layers(), b.layers());
        for (int k = 0; k < a.layers(); k++) {
            assertArrayEquals(a.weights(k), b.weights(k), 0.0, "layer " + k + " weights, bit for bit");
            assertEquals(a.hasBias(k), b.hasBias(k));
            if (a.hasBias(k)) {
                assertArrayEquals(a.biases(k), b.biases(k), 0.0);
            }
        }
    }

    private static Project withCompanions(long steps) {
        Preset p = PresetLibrary.byName("nar-fig2");
        Dataset d = p.dataset().build();
        TrainingEngine e = new TrainingEngine(d, p.network(), p.training());
        e.setCompanions(p.allCompanions());
        e.run(steps);
        Snapshot now = e.recordCurrent();
        List<Project.Kept> kept = e.timeline().snapshots().stream().map(Project.Kept::of).toList();
        return new Project(Project.FORMAT, "test", p.name(), Project.Data.of(d), p.network(), p.training(), Map.of(),
                Project.Weights.of(now.parameters(), now.step()), kept, p.allCompanions(), p.perturbation(),
                now.companions().stream().map(c -> Project.CompanionWeights.of(c, now.step())).toList());
    }

    @Test
    void companionsRoundTripWithTheirWeightsInEverySnapshot(@TempDir Path dir) throws IOException {
        Project p = withCompanions(300);
        Path f = dir.resolve("c.msproj");
        ProjectFile.write(p, f);
        Project q = ProjectFile.read(f);
        assertEquals(p.companions(), q.companions());
        assertEquals(1, q.currentCompanionStates().size());
        assertSameWeights(p.currentCompanionStates().get(0).parameters(), q.currentCompanionStates().get(0).parameters());
        assertEquals(p.currentCompanionStates().get(0).loss(), q.currentCompanionStates().get(0).loss());
        assertEquals(p.timeline().size(), q.timeline().size());
        for (int i = 0; i < p.timeline().size(); i++) {
            var a = p.timeline().get(i).toSnapshot(p.network()).companions();
            var b = q.timeline().get(i).toSnapshot(q.network()).companions();
            assertEquals(1, b.size());
            assertSameWeights(a.get(0).parameters(), b.get(0).parameters());
        }
        // a project that names no companion but carries one's weights does not fit together
        Project odd = new Project(p.format(), p.app(), p.preset(), p.data(), p.network(), p.training(), p.view(),
                p.current(), List.of(), List.of(), null, p.currentCompanions());
        Path g = dir.resolve("odd.msproj");
        ProjectFile.write(odd, g);
        IOException e = assertThrows(IOException.class, () -> ProjectFile.read(g));
        assertTrue(e.getMessage().contains("companion"), e.getMessage());
    }

    @Test
    void roundTripKeepsDataSpecSettingsAndEveryKeptSnapshotExactly(@TempDir Path dir) throws IOException {
        Project p = trained("li-blob-small-net", 150);
        Path f = dir.resolve("a.msproj");
        ProjectFile.write(p, f);
        Project q = ProjectFile.read(f);
        Dataset a = p.data().toDataset(), b = q.data().toDataset();
        assertArrayEquals(a.trainX(), b.trainX(), 0.0);
        assertArrayEquals(a.trainY(), b.trainY());
        assertArrayEquals(a.testX(), b.testX(), 0.0);
        assertArrayEquals(a.testY(), b.testY());
        assertTrue(b.testSize() > 0, "the test part is kept");
        assertEquals(a.classNames(), b.classNames());
        assertEquals(p.network().toString(), q.network().toString());
        assertEquals(p.network().layers(), q.network().layers());
        assertEquals(p.training(), q.training());
        assertEquals(p.view(), q.view());
        assertEquals(p.current().step(), q.current().step());
        assertSameWeights(p.current().toParameters(), q.current().toParameters());
        assertEquals(p.timeline().size(), q.timeline().size());
        assertTrue(p.timeline().size() > 100, "every step up to 128 is kept: " + p.timeline().size());
        for (int i = 0; i < p.timeline().size(); i++) {
            Snapshot s = p.timeline().get(i).toSnapshot(p.network()), t = q.timeline().get(i).toSnapshot(q.network());
            assertEquals(s.step(), t.step());
            assertEquals(s.loss(), t.loss(), 0.0);
            assertEquals(Double.doubleToLongBits(s.testAccuracy()), Double.doubleToLongBits(t.testAccuracy()));
            assertArrayEquals(s.gradientNorms(), t.gradientNorms(), 0.0);
            assertEquals(s.metrics(), t.metrics());
            assertSameWeights(s.parameters(), t.parameters());
        }
    }

    @Test
    void aBiasFreeLastLayerRoundTrips(@TempDir Path dir) throws IOException {
        Project p = trained("li-blob3-small-net", 5);
        Path f = dir.resolve("k.msproj");
        ProjectFile.write(p, f);
        Parameters w = ProjectFile.read(f).current().toParameters();
        assertTrue(!w.hasBias(w.layers() - 1), "Thm 2's last layer has no bias, and keeps none");
        assertSameWeights(p.current().toParameters(), w);
    }

    @Test
    void damagedFutureAndForeignFilesAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Project p = trained("li-blob-small-net", 3);
        Path good = dir.resolve("good.msproj");
        ProjectFile.write(p, good);
        String json = Files.readString(good);

        Path cut = dir.resolve("cut.msproj");
        Files.writeString(cut, json.substring(0, json.length() / 2));
        var e1 = assertThrows(IOException.class, () -> ProjectFile.read(cut));
        assertTrue(e1.getMessage().contains("cut.msproj") && e1.getMessage().contains("line"), e1.getMessage());

        Path future = dir.resolve("future.msproj");
        Files.writeString(future, json.replaceFirst("\"format\" : 1", "\"format\" : 7"));
        var e2 = assertThrows(IOException.class, () -> ProjectFile.read(future));
        assertTrue(e2.getMessage().contains("newer") && e2.getMessage().contains("7"), e2.getMessage());

        Path foreign = dir.resolve("foreign.msproj");
        Files.writeString(foreign, "{\"name\": \"not ours\"}");
        var e3 = assertThrows(IOException.class, () -> ProjectFile.read(foreign));
        assertTrue(e3.getMessage().contains("not a MarginScope project"), e3.getMessage());

        // a file that parses but whose weights do not fit the network
        Project wrong = new Project(1, "test", "x", p.data(), p.network(), p.training(), Map.of(),
                Project.Weights.of(trained("li-blob3-small-net", 1).current().toParameters(), 1), List.of());
        Path mismatch = dir.resolve("mismatch.msproj");
        ProjectFile.write(wrong, mismatch);
        var e4 = assertThrows(IOException.class, () -> ProjectFile.read(mismatch));
        assertTrue(e4.getMessage().contains("damaged") && e4.getMessage().contains("layer"), e4.getMessage());

        // weights that are not numbers (a run saved after it diverged, or an edited file)
        double[] nan = p.current().toParameters().weights(0);
        nan[0] = Double.NaN;
        var w = p.current().toParameters();
        var bad = new Parameters(new int[] {w.in(0), w.in(1)}, new int[] {w.out(0), w.out(1)},
                new double[][] {nan, w.weights(1)}, new double[][] {w.biases(0), w.biases(1)});
        Path nanFile = dir.resolve("nan.msproj");
        ProjectFile.write(new Project(1, "test", "x", p.data(), p.network(), p.training(), Map.of(),
                Project.Weights.of(bad, 3), List.of()), nanFile);
        var e5 = assertThrows(IOException.class, () -> ProjectFile.read(nanFile));
        assertTrue(e5.getMessage().contains("NaN"), e5.getMessage());

        assertEquals(json, Files.readString(good), "reading never changes a file");
    }
}
