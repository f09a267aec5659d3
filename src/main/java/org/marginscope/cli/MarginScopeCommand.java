package org.marginscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line. Names and metric keys follow docs/cli.md: scripts depend on them. */
@Command(name = "marginscope", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "MarginScope 0.1.0",
        description = "Makes the geometry of neural-network training visible. "
                + "With no command (or `gui [--preset NAME]`), opens the desktop app.",
        subcommands = {PresetsCommand.class, GenCommand.class, RunCommand.class, SvmCommand.class, BenchCommand.class,
                ClaimsCommand.class, SweepCommand.class})
public final class MarginScopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int execute(String[] args) {
        CommandLine cl = new CommandLine(new MarginScopeCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            err.println("marginscope: " + msg.split("\n", 2)[0]);
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, strings) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("marginscope: " + ex.getMessage());
            err.flush();
            return 2;
        });
        return cl.execute(args);
    }
}
