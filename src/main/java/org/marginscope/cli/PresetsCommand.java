package org.marginscope.cli;

import java.util.concurrent.Callable;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import picocli.CommandLine.Command;

@Command(name = "presets", description = "List the built-in presets: name, a tab, a one-line description.")
final class PresetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Preset p : PresetLibrary.builtIn()) {
            System.out.println(p.name() + "\t" + p.description());
        }
        return 0;
    }
}
