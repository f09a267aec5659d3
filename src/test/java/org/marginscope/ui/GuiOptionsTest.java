package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** `marginscope gui` options are checked before a window opens: a mistake is named, not a stack trace. */
class GuiOptionsTest {
    @Test
    void goodOptionsPass() {
        assertNull(MarginScopeApp.problemWith(List.of()));
        assertNull(MarginScopeApp.problemWith(List.of("--preset", "li-blob", "--after", "2.5", "--scrub-to", "200",
                "--regions-mode", "partial-backprop")));
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
    }
}
