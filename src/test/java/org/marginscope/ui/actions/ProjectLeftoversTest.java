package org.marginscope.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.ui.Settings;

/** At start the temporary files of saves killed mid-write go, beside the autosave and the recent projects. */
class ProjectLeftoversTest {
    private final String home = System.getProperty("marginscope.home");
    private final String recent = Settings.prefs().get("recentProjects", "");

    @AfterEach
    void restore() {
        if (home == null) {
            System.clearProperty("marginscope.home");
        } else {
            System.setProperty("marginscope.home", home);
        }
        Settings.prefs().put("recentProjects", recent);
    }

    private static Path leftover(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{\"format\": 1, \"da");
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(600)));
        return p;
    }

    @Test
    void theStartRemovesKilledSavesOfTheAutosaveAndTheRecentProjects(@TempDir Path dir) throws Exception {
        System.setProperty("marginscope.home", dir.resolve("home").toString());
        Path project = dir.resolve("work").resolve("lecture.msproj");
        Settings.prefs().put("recentProjects", project.toAbsolutePath().toString());
        Path a = leftover(dir.resolve("home").resolve(".autosave.msproj.123.tmp"));
        Path b = leftover(dir.resolve("work").resolve(".lecture.msproj.456.tmp"));
        Path keep = leftover(dir.resolve("work").resolve(".notes.txt.789.tmp"));

        assertEquals(2, ProjectActions.removeLeftovers());
        assertFalse(Files.exists(a) || Files.exists(b), "both killed saves' temporary files are gone");
        assertTrue(Files.exists(keep), "a file no recent project names stays");
    }
}
