package org.marginscope.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.marginscope.data.AtomicFiles;

/**
 * Reads and writes `.msproj` files. Writes are atomic (a temporary sibling, then a rename), so a crash
 * or a full disk never leaves a half-written project. Reading checks the format version first and
 * every part after: a damaged or newer file is refused with a message naming the file and the problem.
 */
public final class ProjectFile {
    public static final String EXTENSION = ".msproj";

    private ProjectFile() {
    }

    public static void write(Project p, Path file) throws IOException {
        AtomicFiles.write(file, out -> Json.MAPPER.writeValue(new NonClosing(out), p));
    }

    public static Project read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Json.MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a readable MarginScope project (damaged JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject() || !root.has("format")) {
            throw new IOException(file + " is not a MarginScope project (no \"format\" field)");
        }
        int format = root.get("format").asInt(-1);
        if (format > Project.FORMAT) {
            throw new IOException(file + " was saved by a newer MarginScope (project format " + format
                    + "); this version reads format " + Project.FORMAT + " and older. Please update MarginScope.");
        }
        if (format < 1) {
            throw new IOException(file + ": project format " + root.get("format") + " is not valid");
        }
        Project p;
        try {
            p = Json.MAPPER.treeToValue(root, Project.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(file + " is damaged: " + rootMessage(e), e);
        }
        try {
            check(p);
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: " + rootMessage(e), e);
        }
        return p;
    }

    /** Builds every part once, so that a file that parses but does not fit together fails here, not later. */
    private static void check(Project p) {
        if (p.data() == null || p.network() == null || p.training() == null) {
            throw new IllegalArgumentException("it lacks its data, network or training settings");
        }
        var d = p.data().toDataset();
        if (d.dim() != p.network().inputDim()) {
            throw new IllegalArgumentException("the data have " + d.dim() + " features but the network takes "
                    + p.network().inputDim());
        }
        if (p.current() != null) {
            checkShape(p.network(), p.current().toParameters(), "the current weights");
        }
        checkCompanions(p, p.currentCompanions(), "the current weights");
        long last = -1;
        for (Project.Kept k : p.timeline()) {
            checkShape(p.network(), k.parameters().toParameters(), "the snapshot of step " + k.parameters().step());
            checkCompanions(p, k.companions(), "the snapshot of step " + k.parameters().step());
            if (k.parameters().step() < last) {
                throw new IllegalArgumentException("the timeline is out of order at step " + k.parameters().step());
            }
            last = k.parameters().step();
        }
    }

    /** Each companion's weights fit its own architecture, and there is one per companion the project names. */
    private static void checkCompanions(Project p, java.util.List<Project.CompanionWeights> cs, String what) {
        if (cs == null || cs.isEmpty()) {
            return;
        }
        if (cs.size() != p.companions().size()) {
            throw new IllegalArgumentException(what + " hold " + cs.size() + " companion networks, the project names "
                    + p.companions().size());
        }
        for (Project.CompanionWeights c : cs) {
            if (c.spec() == null || c.loss() == null || c.weights() == null) {
                throw new IllegalArgumentException(what + ": companion " + c.label() + " lacks its network, loss or weights");
            }
            checkShape(c.spec(), c.weights().toParameters(), what + ", companion " + c.label() + ",");
        }
    }

    private static void checkShape(org.marginscope.model.NetworkSpec net, org.marginscope.model.Parameters w, String what) {
        if (!w.allFinite()) {
            throw new IllegalArgumentException(what + " hold NaN or infinite values");
        }
        var layers = net.layers();
        if (w.layers() != layers.size()) {
            throw new IllegalArgumentException(what + " have " + w.layers() + " layers, the network " + layers.size());
        }
        int in = net.inputDim() + (net.appendConstantInput() ? 1 : 0);
        for (int k = 0; k < layers.size(); k++) {
            if (w.in(k) != in || w.out(k) != layers.get(k).width()) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + " is " + w.in(k) + " x " + w.out(k)
                        + ", the network's is " + in + " x " + layers.get(k).width());
            }
            in = layers.get(k).width();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? t.toString() : m;
    }

    /** Jackson closes the stream it writes; AtomicFiles closes it itself after the rename's checks. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
