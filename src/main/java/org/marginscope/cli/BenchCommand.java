package org.marginscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measure this machine and the engine; prints one JSON line.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Fewer repetitions (a rough figure in seconds).")
    boolean quick;

    @Option(names = "--ui", description = "Also measure rendering and scrubbing (needs the desktop app).")
    boolean ui;

    @Override
    public Integer call() {
        System.out.println(JsonLine.of(new Benchmarks(quick).runAll()));
        return 0;
    }
}
