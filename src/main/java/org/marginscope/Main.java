package org.marginscope;

import org.marginscope.cli.MarginScopeCommand;

/** Entry point: a command runs headless; no arguments will start the desktop app. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MarginScopeCommand.execute(args));
    }
}
