package org.marginscope;

import java.util.Arrays;
import org.marginscope.cli.MarginScopeCommand;
import org.marginscope.ui.MarginScopeApp;

/**
 * Entry point: no arguments (or {@code gui [--preset NAME]}) opens the desktop app; a command runs
 * headless.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("gui")) {
            MarginScopeApp.launch(args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(MarginScopeCommand.execute(args));
    }
}
