package org.marginscope.ui.views;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a view's failed frame is reported: standard error, naming the view and where it failed (the next request
 * draws anew). A failure repeated frame after frame is reported once, until another one comes.
 */
final class FrameErrors {
    private FrameErrors() {
    }

    static Consumer<Exception> toStderr(String view) {
        return new Consumer<>() {
            private String last;

            @Override
            public void accept(Exception e) {
                StackTraceElement[] at = e.getStackTrace();
                String line = "marginscope: the " + view + "'s frame failed: " + e
                        + (at.length > 0 ? " at " + at[0] : "");
                if (!Objects.equals(line, last)) {
                    last = line;
                    System.err.println(line);
                }
            }
        };
    }
}
