package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourLibraryTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInTourHasNarratedStepsOnExistingPresets() {
        List<Tour> tours = TourLibrary.builtIn();
        // one per paper and the app's own first-five-minutes tour (the list)
        Set<String> ids = new HashSet<>();
        tours.forEach(t -> ids.add(t.id()));
        assertTrue(ids.containsAll(Set.of("first-five-minutes", "li", "sarussi", "vandenberg", "poggio", "nar")), ids::toString);
        assertEquals(tours.size(), ids.size(), "tour ids are unique");
        Set<String> presets = new HashSet<>();
        PresetLibrary.builtIn().forEach(p -> presets.add(p.name()));
        for (Tour t : tours) {
            assertTrue(t.steps().size() >= 3, t.id() + " has a story, not one step");
            for (TourStep s : t.steps()) {
                assertTrue(presets.contains(s.preset()), t.id() + ": " + s.preset());
                String n = s.narration().strip();
                long sentences = n.split("(?<=[.!?])\\s+").length;
                assertTrue(sentences >= 2 && sentences <= 4, t.id() + " / " + s.title() + ": " + sentences
                        + " sentences: a teacher reads two to four aloud");
                assertTrue(n.length() <= 600, t.id() + " / " + s.title() + " is too long to read aloud");
            }
            if (!t.id().equals("first-five-minutes")) {
                assertTrue(t.paper() != null && !t.paper().isBlank(), t.id() + " names its paper");
            }
        }
    }

    @Test
    void aTeachersTourRoundTripsThroughItsFile() throws IOException {
        TourStep one = new TourStep("The data", "li-blob-small-net", "transformed", List.of("confidence"), null,
                "Two blobs. Look at the left view.", "original");
        TourStep two = new TourStep("Train", "li-blob-small-net", null, null, TourStep.Train.to(500),
                "Now we train. Watch the angle chart.", "angle-chart");
        Tour t = new Tour("mine", "My tour", null, List.of(one)).withStep(two);
        Path f = dir.resolve("mine.json");
        TourLibrary.write(t, f);
        assertEquals(t, TourLibrary.read(f));
    }

    @Test
    void appendingAStepAtTheSameMomentOfTheSameRunOnlyShows() throws IOException {
        Path f = dir.resolve("My Lecture.json");
        TourStep first = new TourStep("Train", "li-blob-small-net", "transformed", null, TourStep.Train.to(500),
                "We train. Look.", null);
        Tour t = TourLibrary.appendStep(first, f);
        assertEquals("my-lecture", t.id(), "a new file's tour is named after the file");
        TourStep sameMoment = new TourStep("Neurons", "li-blob-small-net", "neurons", null, TourStep.Train.to(500),
                "The same run. Look.", null);
        TourStep further = new TourStep("Further", "li-blob-small-net", "units", null, TourStep.Train.to(800),
                "Further. Look.", null);
        TourLibrary.appendStep(sameMoment, f);
        List<TourStep> steps = TourLibrary.appendStep(further, f).steps();
        assertEquals(null, steps.get(1).train(), "step 500 is reached already: the step only shows");
        assertEquals(ViewId.NEURONS, steps.get(1).viewId());
        assertEquals(TourStep.Train.to(800), steps.get(2).train());
        assertEquals(steps, TourLibrary.read(f).steps());
    }

    @Test
    void anUnknownPresetIsReportedWithTheFileAndStep() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"id": "bad", "title": "Bad", "steps": [
                  {"title": "ok", "preset": "li-blob-small-net", "narration": "Fine. Fine."},
                  {"title": "typo", "preset": "li-blob-smal-net", "narration": "Oops. Oops."}]}""");
        IOException e = assertThrows(IOException.class, () -> TourLibrary.read(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("step 2")
                && e.getMessage().contains("li-blob-smal-net"), e.getMessage());
    }

    @Test
    void malformedJsonAndUnknownFieldsNameLineAndColumn() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"id\": \"x\",\n \"title\": \"X\",\n \"stepz\": []}");
        IOException e = assertThrows(IOException.class, () -> TourLibrary.read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Files.writeString(f, "{\"id\": \"x\", \"title\": \"X\", \"steps\": [\n{\"title\": \"a\", \"preset\": ");
        e = assertThrows(IOException.class, () -> TourLibrary.read(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aRunThatGoesOnMustTrainFurther() {
        TourStep a = new TourStep("a", "li-blob-small-net", null, null, TourStep.Train.to(1000), "A. A.", null);
        TourStep b = new TourStep("b", "li-blob-small-net", null, null, TourStep.Train.to(500), "B. B.", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TourLibrary.checked(new Tour("t", "T", null, List.of(a, b)), "t.json"));
        assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("already at step 1000"), e.getMessage());
        // another preset in between starts a new run: training to 500 is then fine
        TourStep c = new TourStep("c", "moon-small-net", null, null, null, "C. C.", null);
        TourLibrary.checked(new Tour("t", "T", null, List.of(a, c, b)), "t.json");
    }

    @Test
    void metricTargetsStopBelowOrAbove() {
        TourStep.Train below = new TourStep.Train(null, "loss", 0.05, null, 2000L);
        assertTrue(below.reached(0.04));
        assertFalse(below.reached(0.05));
        assertFalse(below.reached(Double.NaN));
        assertEquals(2300, below.limit(300));
        TourStep.Train above = new TourStep.Train(null, "mean_confidence", null, 0.9, 100L);
        assertTrue(above.reached(0.95));
        assertFalse(above.reached(0.85));
        assertFalse(TourStep.Train.to(50).reached(-1), "a step target ends by the step count, not a metric");
        assertThrows(IllegalArgumentException.class, () -> new TourStep.Train(null, "loss", 0.1, 0.2, 10L));
        assertThrows(IllegalArgumentException.class, () -> new TourStep.Train(null, "loss", 0.1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TourStep.Train(5L, "loss", 0.1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TourStep("t", "p", "sideways", null, null, "n", null));
        assertThrows(IllegalArgumentException.class, () -> new TourStep("t", "p", null, List.of("glitter"), null, "n", null));
    }
}
