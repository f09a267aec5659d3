package org.marginscope.experiment;

import java.io.IOException;

/** A project that cannot be read or written; the message is a sentence for the user, naming the file. */
public final class ProjectFileException extends IOException {
    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
