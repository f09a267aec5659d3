package org.marginscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic saves: all or nothing, and the temporary files of saves killed mid-write are removed later. */
class AtomicFilesTest {
    private static Path leftover(Path dir, String name, long secondsAgo) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "half a save");
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
        return p;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextSaveRemovesStaleTemporaryFilesOfItsFileOnly(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("lecture.msproj");
        Path stale = leftover(dir, ".lecture.msproj.8123456789.tmp", 3600);
        Path young = leftover(dir, ".lecture.msproj.42.tmp", 5); // perhaps another instance saving right now
        Path notOurs = leftover(dir, ".lecture.msproj.backup.tmp", 3600);
        Path otherFile = leftover(dir, ".other.msproj.77.tmp", 3600);
        Path plain = leftover(dir, "lecture.msproj.1.tmp", 3600);

        AtomicFiles.write(target, out -> out.write("saved".getBytes(StandardCharsets.UTF_8)));

        assertEquals("saved", Files.readString(target));
        assertFalse(Files.exists(stale), "a killed save's leftover goes");
        assertTrue(Files.exists(young) && Files.exists(notOurs) && Files.exists(otherFile) && Files.exists(plain),
                "what is young, not in our naming pattern or another file's stays: " + names(dir));
        assertEquals(0, AtomicFiles.removeStale(target), "nothing stale is left");
        assertEquals(1, AtomicFiles.removeStale(dir.resolve("other.msproj")), "the other file's at its own save");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.msproj");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("a.msproj"), names(dir));
    }

    @Test
    void aWriterThatClosesItsStreamStillSaves(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("t.json");
        AtomicFiles.write(target, out -> {
            out.write('{');
            out.close(); // Jackson and PDFBox close what they write to; the save must still be forced and renamed
        });
        assertEquals("{", Files.readString(target));
        assertEquals(List.of("t.json"), names(dir));
    }
}
