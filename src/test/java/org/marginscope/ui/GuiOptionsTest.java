package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** `marginscope gui` options are checked before a window opens: a mistake is named, not a stack trace. */
class GuiOptionsTest {
    @Test
    void goodOptionsPass() {
        assertNull(MarginScopeApp.problemWith(List.of()));
        assertNull(MarginScopeApp.problemWith(List.of("--preset", "li-blob", "--after", "2.5", "--scrub-to", "200",
                "--regions-mode", "partial-backprop")));
        assertNull(MarginScopeApp.problemWith(List.of("--seeds", "1..5", "--seed-steps", "3000")));
        assertNull(MarginScopeApp.problemWith(List.of("--seeds", "7")));
    }

    @Test
    void eachMistakeIsNamedWithWhatWouldDo() {
        String preset = MarginScopeApp.problemWith(List.of("--preset", "li-blobb"));
        assertTrue(preset.contains("'li-blobb'") && preset.contains("marginscope presets"), preset);
        String after = MarginScopeApp.problemWith(List.of("--after", "soon"));
        assertTrue(after.contains("--after") && after.contains("'soon'"), after);
        String negative = MarginScopeApp.problemWith(List.of("--after", "-1"));
        assertTrue(negative.contains("0 or more"), negative);
        String scrub = MarginScopeApp.problemWith(List.of("--scrub-to", "2.5"));
        assertTrue(scrub.contains("--scrub-to") && scrub.contains("step number"), scrub);
        String mode = MarginScopeApp.problemWith(List.of("--regions-mode", "heatmap"));
        assertTrue(mode.contains("'heatmap'") && mode.contains("partial-backprop"), mode);
        String seeds = MarginScopeApp.problemWith(List.of("--seeds", "5..1"));
        assertTrue(seeds.contains("--seeds") && seeds.contains("below the first"), seeds);
        String word = MarginScopeApp.problemWith(List.of("--seeds", "1..many"));
        assertTrue(word.contains("'many'"), word);
        String steps = MarginScopeApp.problemWith(List.of("--seeds", "1..3", "--seed-steps", "0"));
        assertTrue(steps.contains("at least 1") && steps.contains("'0'"), steps);
        String alone = MarginScopeApp.problemWith(List.of("--seed-steps", "300"));
        assertTrue(alone.contains("--seeds A..B"), alone);
    }

    @Test
    void theGalleryOpensAtThePlainFirstStartOnlyAndTheSettingsRememberIt() throws Exception {
        Preferences prefs = Preferences.userRoot().node("org/marginscope-test/first-start-" + System.nanoTime());
        try {
            for (List<String> scripted : List.of(List.of("--preset", "moon-small-net"), List.of("--presentation"),
                    List.of("--tour", "li"), List.of("--screenshot", "a.png"), List.of("--seeds", "1..3"),
                    List.of("--metrics-out", "m.csv"))) {
                assertFalse(MarginScopeApp.galleryAtStart(scripted, prefs), "not with " + scripted);
            }
            assertFalse(prefs.getBoolean(MarginScopeApp.GALLERY_SHOWN, false), "no start so far showed it");
            assertTrue(MarginScopeApp.galleryAtStart(List.of("--theme", "dark"), prefs), "the first plain start");
            assertTrue(prefs.getBoolean(MarginScopeApp.GALLERY_SHOWN, false), "remembered");
            assertFalse(MarginScopeApp.galleryAtStart(List.of(), prefs), "once only");
            assertTrue(MarginScopeApp.galleryAtStart(List.of("--gallery"), prefs), "asked for");
        } finally {
            prefs.removeNode();
        }
    }
}
