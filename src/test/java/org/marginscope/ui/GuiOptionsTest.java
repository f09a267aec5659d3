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
    void anOptionItDoesNotKnowOrAValueLeftOutIsNamedBeforeAWindowOpens() {
        String typo = MarginScopeApp.problemWith(List.of("--prest", "li-blob"));
        assertTrue(typo.contains("unknown option '--prest'") && typo.contains("gui --help"), typo);
        String stray = MarginScopeApp.problemWith(List.of("--preset", "li-blob", "li-blob-small-net"));
        assertTrue(stray.contains("unexpected 'li-blob-small-net'"), stray);
        String missing = MarginScopeApp.problemWith(List.of("--tab", "--presentation"));
        assertTrue(missing.contains("--tab needs a value"), missing);
        String last = MarginScopeApp.problemWith(List.of("--presentation", "--theme"));
        assertTrue(last.contains("--theme needs a value"), last);
        assertNull(MarginScopeApp.problemWith(List.of("--presentation", "--confidence", "--gallery", "--tab", "neurons",
                "--theme", "dark", "--tour", "li", "--tour-step", "2", "--screenshot", "a.png", "--after", "3")));
    }

    @Test
    void theHelpNamesExactlyTheOptionsTheCheckKnows() {
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![a-z])--[a-z][a-z-]+").matcher(MarginScopeApp.USAGE);
        while (m.find()) {
            named.add(m.group());
        }
        named.remove("--help"); // `marginscope --help`, the headless commands' own
        java.util.Set<String> known = new java.util.TreeSet<>(MarginScopeApp.FLAGS);
        known.addAll(MarginScopeApp.VALUED);
        org.junit.jupiter.api.Assertions.assertEquals(known, named);
    }

    @Test
    void withoutADisplayOnLinuxTheAppSaysSoAndHowToRunItAnyway() {
        String none = MarginScopeApp.noDisplay(java.util.Map.of(), "Linux", null);
        assertTrue(none != null && none.contains("DISPLAY") && none.contains("xvfb-run"), none);
        assertNull(MarginScopeApp.noDisplay(java.util.Map.of("DISPLAY", ":99"), "Linux", null));
        assertNull(MarginScopeApp.noDisplay(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertTrue(MarginScopeApp.noDisplay(java.util.Map.of("DISPLAY", " "), "FreeBSD", null) != null, "a blank one is none");
        assertNull(MarginScopeApp.noDisplay(java.util.Map.of(), "Windows 11", null), "Windows and macOS always have one");
        assertNull(MarginScopeApp.noDisplay(java.util.Map.of(), "Mac OS X", null));
        assertNull(MarginScopeApp.noDisplay(java.util.Map.of(), "Linux", "Monocle"), "the headless platform");
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
