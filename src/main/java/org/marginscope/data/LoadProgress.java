package org.marginscope.data;

/** Progress of a file being read: bytes read of the file's size, and rows parsed so far. */
@FunctionalInterface
public interface LoadProgress {
    void loaded(long bytes, long totalBytes, int rows);
}
