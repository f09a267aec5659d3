package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view names in files and flags are a format: they must keep today's spelling. */
class ViewIdTest {
    @TempDir
    Path dir;

    /** The spellings presets, tour files and {@code --regions-mode} used before the enum. */
    private static final Map<String, ViewId> SPELLING = spelling();

    private static Map<String, ViewId> spelling() {
        Map<String, ViewId> m = new LinkedHashMap<>();
        m.put("original", ViewId.ORIGINAL);
        m.put("two-point", ViewId.TWO_POINT);
        m.put("transformed", ViewId.TRANSFORMED);
        m.put("neurons", ViewId.NEURONS);
        m.put("units", ViewId.UNITS);
        m.put("gradients", ViewId.GRADIENTS);
        m.put("gradient-biases", ViewId.GRADIENT_BIASES);
        m.put("partial-backprop", ViewId.PARTIAL_BACKPROP);
        m.put("linear-regions", ViewId.LINEAR_REGIONS);
        return m;
    }

    @Test
    void everyIdKeepsItsSpellingAndRoundTrips() {
        assertEquals(SPELLING.size(), ViewId.values().length, "a new view needs its spelling pinned here");
        SPELLING.forEach((text, v) -> {
            assertEquals(text, v.id());
            assertEquals(Optional.of(v), ViewId.parse(text));
        });
        assertEquals(Optional.empty(), ViewId.parse("Neurons"), "the spelling is exact");
    }

    @Test
    void anUnknownIdIsRefusedNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ViewId.of("regions"));
        for (ViewId v : ViewId.values()) {
            assertTrue(e.getMessage().contains(v.id()), e.getMessage());
        }
        assertTrue(e.getMessage().contains("'regions'"), e.getMessage());
    }

    @Test
    void aTourStepTakesOnlyTheViewsBesideTheOriginal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TourStep("A", "li-blob-small-net", "original", null, null, "Look. Here.", null));
        assertEquals("unknown view 'original'; known: transformed, neurons, units, gradients, gradient-biases,"
                + " partial-backprop, linear-regions", e.getMessage());
    }

    @Test
    void aTourFileWrittenBeforeTheEnumLoadsEachViewAndWritesItBackTheSame() throws IOException {
        List<String> beside = List.of("transformed", "neurons", "units", "gradients", "gradient-biases",
                "partial-backprop", "linear-regions");
        StringBuilder steps = new StringBuilder();
        for (String text : beside) {
            steps.append(steps.isEmpty() ? "" : ",\n").append("""
                    {"title": "On %s", "preset": "li-blob-small-net", "view": "%s", "narration": "Look. There."}"""
                    .formatted(text, text));
        }
        Path f = dir.resolve("old.json");
        Files.writeString(f, "{\"id\": \"old\", \"title\": \"Old tour\", \"steps\": [\n" + steps + "\n]}");
        Tour t = TourLibrary.read(f);
        assertEquals(beside.stream().map(SPELLING::get).toList(), t.steps().stream().map(TourStep::viewId).toList());
        Path again = dir.resolve("again.json");
        TourLibrary.write(t, again);
        String written = Files.readString(again);
        for (String text : beside) {
            assertTrue(written.contains("\"view\" : \"" + text + "\""), text + " in\n" + written);
        }
    }

    @Test
    void everyBuiltInPresetAndTourNamesKnownViews() {
        for (Preset p : PresetLibrary.builtIn()) {
            for (String v : p.views()) {
                assertTrue(ViewId.parse(v).isPresent(), p.name() + ": " + v);
            }
        }
        assertTrue(PresetLibrary.byName("nar-corollary1").shows(ViewId.TWO_POINT));
        assertTrue(PresetLibrary.byName("li-fig2-moon").shows(ViewId.TRANSFORMED));
        for (Tour t : TourLibrary.builtIn()) {
            t.steps().forEach(s -> assertEquals(s.view(), s.viewId() == null ? null : s.viewId().id()));
        }
    }

    @Test
    void theRegionsModesAreTheRegionsTabsViews() {
        for (ViewId v : ViewId.inTab(ViewId.Tab.REGIONS)) {
            assertEquals(v, RegionsFigure.Mode.byViewName(v.id()).view());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionsFigure.Mode.byViewName("neurons"));
        assertEquals("not a mode of the Regions tab: 'neurons' (one of units, gradients, gradient-biases,"
                + " partial-backprop, linear-regions)", e.getMessage());
    }
}
