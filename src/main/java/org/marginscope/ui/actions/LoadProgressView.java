package org.marginscope.ui.actions;

/**
 * Where a file load that takes a while shows its progress and offers Cancel: the status bar's load indicator,
 * which the window passes in, so an action never reaches into the window. Called on the FX thread.
 */
public interface LoadProgressView {
    /** Shows an indeterminate bar and a Cancel that runs {@code onCancel}. */
    void show(Runnable onCancel);

    /** The fraction read (-1: unknown) and what it is in words. */
    void update(double fraction, String text);

    void hide();
}
