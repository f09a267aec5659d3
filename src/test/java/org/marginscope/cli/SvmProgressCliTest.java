package org.marginscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `svm --csv` on many points (issue 23 item 5): a progress bar on stderr, and Ctrl-C stops it with one line. */
class SvmProgressCliTest {
    @TempDir
    Path dir;

    /** n rows of two overlapping Gaussian classes, as a person's CSV. */
    static Path overlappingCsv(Path file, int n) throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                int c = i % 2;
                w.write(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", r.nextGaussian() + (c == 1 ? 0.5 : -0.5),
                        r.nextGaussian(), c));
            }
        }
        return file;
    }

    @Test
    void progressOfReadingAndFittingReachesStderr() throws IOException {
        Path csv = overlappingCsv(dir.resolve("many.csv"), 300_000);
        CommandLineTest.Result r = CommandLineTest.run("svm", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"separable\":false"), r.out());
        List<Integer> percents = new ArrayList<>();
        Matcher m = Pattern.compile("\\] +(\\d+)% ").matcher(r.err());
        while (m.find()) {
            percents.add(Integer.parseInt(m.group(1)));
        }
        assertTrue(percents.size() >= 3, "several redraws of the bar: " + r.err());
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) >= percents.get(i - 1), "never goes back: " + percents);
        }
        assertEquals(100, percents.get(percents.size() - 1));
        assertTrue(r.err().contains("SVM on 300,000 points"), r.err());
        assertTrue(r.err().endsWith(System.lineSeparator()), "the bar's line is ended");
    }

    @Test
    void aQuickFitAndQuietPrintNoBar() throws IOException {
        Path small = overlappingCsv(dir.resolve("few.csv"), 200);
        CommandLineTest.Result r = CommandLineTest.run("svm", "--csv", small.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        Path csv = overlappingCsv(dir.resolve("many.csv"), 300_000);
        CommandLineTest.Result q = CommandLineTest.run("svm", "--csv", csv.toString(), "--quiet");
        assertEquals(0, q.code(), q.err());
        assertEquals("", q.err());
    }

    /** The real thing: a separate JVM (through the launcher's relaunch, as `java -jar` runs), SIGINT to it. */
    @Test
    void sigintStopsTheFitWithOneLineAndExitCode130() throws Exception {
        Path csv = overlappingCsv(dir.resolve("million.csv"), 1_000_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(defaultSigint());
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), "org.marginscope.Main",
                "svm", "--csv", csv.toString()));
        Process p = new ProcessBuilder(command).start();
        StringBuilder err = new StringBuilder();
        Thread reader = new Thread(() -> copy(p.getErrorStream(), err));
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!contains(err, "SVM on 1,000,000 points") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(contains(err, "SVM on 1,000,000 points"), "fitting had begun: " + err);
        long t0 = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ended after SIGINT");
        double seconds = (System.nanoTime() - t0) * 1e-9;
        reader.join(2000);
        assertEquals(130, p.exitValue());
        assertTrue(seconds < 3, "ended " + seconds + " s after SIGINT");
        String[] lines = err.toString().split("[\r\n]+");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("marginscope: svm interrupted after ")
                && last.contains("fitting the SVM on 1,000,000 points") && last.endsWith("no result"), last);
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertEquals(0, p.getInputStream().readAllBytes().length, "nothing on stdout");
    }

    /**
     * A terminal's Ctrl-C reaches a JVM whose SIGINT is in its default state; a build started in the background
     * (`nohup ... &`, some CI runners) hands its children SIGINT ignored, and a JVM leaves an ignored SIGINT
     * ignored. So the child starts with it reset (coreutils' env), where that can be done.
     */
    private static List<String> defaultSigint() throws Exception {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? List.of("env", "--default-signal=INT") : List.of();
        } catch (java.io.IOException noEnv) {
            return List.of();
        }
    }

    private static boolean contains(StringBuilder b, String s) {
        synchronized (b) {
            return b.indexOf(s) >= 0;
        }
    }

    private static void copy(InputStream in, StringBuilder out) {
        try {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
