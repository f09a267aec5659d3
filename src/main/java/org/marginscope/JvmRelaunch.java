package org.marginscope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JDK's Vector API is an incubator module, which a JVM resolves only when started with
 * {@code --add-modules jdk.incubator.vector}, and an executable jar cannot ask for it. So that
 * {@code java -jar marginscope.jar} still gets the fast kernel, the launcher starts one child JVM
 * with the same options, class path and arguments plus that flag, passes its standard streams
 * through and exits with its code. Nothing happens when the module is already there, when this
 * runtime lacks it or a {@code java} executable, when {@code -Dmarginscope.simd=false} asks for the
 * scalar kernels, or in the child itself. The child's one-line incubator warning is left out of
 * its standard error.
 */
final class JvmRelaunch {
    static final String MODULE = "jdk.incubator.vector";
    /** The desktop app's maximum heap (see {@link #heapCap}). */
    static final String GUI_MAX_HEAP = "768m";
    private static final String CHILD = "marginscope.relaunched";
    private static final String WARNING = "WARNING: Using incubator modules: " + MODULE;

    private JvmRelaunch() {
    }

    /** The child's exit code when a child ran; empty when this JVM should carry on itself. */
    static OptionalInt runAsChildIfUseful(String[] args) {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || System.getProperty(CHILD) != null
                || "false".equals(System.getProperty("marginscope.simd"))
                || ModuleFinder.ofSystem().find(MODULE).isEmpty()) {
            return OptionalInt.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        String classPath = System.getProperty("java.class.path", "");
        if (!Files.isExecutable(java) || classPath.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("--add-modules=" + MODULE);
        command.add("-D" + CHILD + "=true");
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        command.addAll(options);
        command.addAll(heapCap(args, options));
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Thread err = new Thread(() -> copyWithoutWarning(child.getErrorStream(), System.err), "child-stderr");
            err.setDaemon(true);
            err.start();
            // on Ctrl-C or a kill: stop the child and let it say its last line (svm's "interrupted ...")
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child, err), "stop-child-jvm"));
            int code = child.waitFor();
            err.join(2000);
            return OptionalInt.of(code);
        } catch (IOException e) {
            return OptionalInt.empty(); // could not start: run here, on the scalar kernels
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * The desktop app's heap limit, unless the user set one: with the JDK's default (a quarter of the RAM) G1
     * grows the heap far past the app's live set (under 100 MB, plus a timeline of at most a quarter of the heap)
     * and the process' memory with it (docs/performance.md, the soak). Headless commands keep the default.
     */
    static List<String> heapCap(String[] args, List<String> jvmOptions) {
        boolean gui = args.length == 0 || args[0].equals("gui");
        boolean set = jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAM"));
        return gui && !set ? List.of("-Xmx" + GUI_MAX_HEAP) : List.of();
    }

    private static void stop(Process child, Thread err) {
        child.toHandle().destroy(); // Process.destroy would also close the pipe the child's last words go through
        try {
            child.waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
            err.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies bytes as they come (progress bars rewrite their line), dropping the first line if it is the warning. */
    static void copyWithoutWarning(InputStream in, OutputStream out) {
        try {
            byte[] first = new byte[WARNING.length() + 2];
            int have = 0;
            // the warning is the JVM's first output on stderr: compare it, then stream everything else
            while (have < first.length) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                first[have++] = (byte) b;
                if (b == '\n') {
                    break;
                }
            }
            String head = new String(first, 0, have, StandardCharsets.UTF_8);
            if (!head.strip().equals(WARNING)) {
                out.write(first, 0, have);
                out.flush();
            }
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the child's stderr closed: nothing more to pass on
        }
    }
}
