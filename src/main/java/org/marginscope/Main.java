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
        java.util.OptionalInt child = JvmRelaunch.runAsChildIfUseful(args);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        if (args.length == 0 || args[0].equals("gui")) {
            java.util.List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
            if (options.contains("--help") || options.contains("-h")) {
                System.out.println(MarginScopeApp.USAGE);
                System.exit(0);
            }
            String problem = MarginScopeApp.problemWith(options);
            if (problem == null) {
                problem = MarginScopeApp.noDisplay(System.getenv(), System.getProperty("os.name", ""),
                        System.getProperty("glass.platform"));
            }
            if (problem != null) {
                System.err.println("marginscope gui: " + problem);
                System.exit(2);
            }
            MarginScopeApp.launch(args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args[0].equals("bench") && Arrays.asList(args).contains("--ui")) {
            // the UI figures need JavaFX, which only the ui layer may touch
            boolean quick = Arrays.asList(args).contains("--quick");
            System.out.println(org.marginscope.cli.JsonLine.of(org.marginscope.ui.UiBenchmark.run(quick,
                    new org.marginscope.cli.Benchmarks(quick).runAll())));
            System.exit(0);
        }
        System.exit(MarginScopeCommand.execute(args));
    }
}
