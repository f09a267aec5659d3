package org.marginscope.data;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Saves that never leave a half-written file behind: write a hidden sibling {@code .NAME.<digits>.tmp}, force
 * it to disk, rename it over the target, then force the directory (where the platform allows). A save killed
 * before the rename leaves its temporary file; the next save of the same file removes such leftovers once
 * they are older than {@link #STALE} and not being written by this process ({@link #removeStale}).
 */
public final class AtomicFiles {
    /** A temporary file this old is not another process's save in progress. */
    public static final Duration STALE = Duration.ofMinutes(1);
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        removeStale(abs);
        Path tmp = Files.createTempFile(dir, prefix(abs), ".tmp");
        WRITING.add(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(new KeepOpen(out));
                out.flush();
                ch.force(true);
            }
            try { // a temp file starts private (rw-------); a saved file is readable like any other
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the default ACL applies
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
            WRITING.remove(tmp);
        }
    }

    /**
     * Removes what killed saves of this target left: files named {@code .NAME.<digits>.tmp} beside it, older
     * than {@link #STALE} and not being written here. Returns how many went; failures are skipped (a leftover
     * only costs disk space).
     */
    public static int removeStale(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        Pattern own = Pattern.compile(Pattern.quote(prefix(abs)) + "\\d+\\.tmp");
        Instant before = Instant.now().minus(STALE);
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                p -> own.matcher(p.getFileName().toString()).matches())) {
            for (Path p : temps) {
                if (!WRITING.contains(p) && Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(before)
                        && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory: the save itself will say what is wrong
        }
        return removed;
    }

    private static String prefix(Path abs) {
        return "." + abs.getFileName() + ".";
    }

    /** Makes the rename itself durable; not every platform can open a directory (Windows), so failure is ignored. */
    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // the file's own data are already on disk
        }
    }

    /** Writers (Jackson, PDFBox) close what they write to; the channel must stay open to be forced. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
