package org.marginscope.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marginscope.data.AtomicFiles;

/**
 * Reads and writes `.msproj` files. Writes are atomic (a temporary sibling, then a rename), so a crash
 * or a full disk never leaves a half-written project. Reading checks the format version first and
 * every part after ({@link ProjectCheck}): a damaged or newer file is refused with a message naming the
 * file and the problem. The size limits are {@link Json}'s (parser) and NetworkSpec's (width, parameters).
 */
public final class ProjectFile {
    public static final String EXTENSION = ".msproj";

    private ProjectFile() {
    }

    /** Writes atomically; a failure leaves the file as it was and says why in the user's words. */
    public static void write(Project p, Path file) throws ProjectFileException {
        try {
            AtomicFiles.write(file, out -> Json.MAPPER.writeValue(out, p));
        } catch (IOException e) {
            throw new ProjectFileException(file + " could not be saved: " + reason(e), e);
        }
    }

    /**
     * Reads and checks a project: the result is either a project every part of which fits together and can
     * train, or a ProjectFileException whose message names the file and the problem (the line and column,
     * or the field, where known) in a sentence for the user.
     */
    public static Project read(Path file) throws ProjectFileException {
        JsonNode root = parse(file);
        if (root == null || !root.isObject() || !root.has("format")) {
            throw new ProjectFileException(file + " is not a MarginScope project (no \"format\" field)", null);
        }
        if (!root.get("format").isInt()) {
            throw new ProjectFileException(file + ": its project format is not a whole number", null);
        }
        int format = root.get("format").asInt();
        if (format > Project.FORMAT) {
            throw new ProjectFileException(file + " was saved by a newer MarginScope (project format " + format
                    + "); this version reads format " + Project.FORMAT + " and older. Please update MarginScope.", null);
        }
        if (format < 1) {
            throw new ProjectFileException(file + ": project format " + format + " is not valid", null);
        }
        Project p;
        try {
            p = Json.MAPPER.treeToValue(root, Project.class);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(file + " is damaged: " + JsonProblems.explain(e), e);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(file + " is damaged: " + ownWords(e), e);
        }
        try {
            ProjectCheck.check(p);
        } catch (RuntimeException e) {
            throw new ProjectFileException(file + " is damaged: " + ownWords(e), e);
        }
        return p;
    }

    private static JsonNode parse(Path file) throws ProjectFileException {
        try (InputStream in = Files.newInputStream(file); JsonParser jp = Json.MAPPER.createParser(in)) {
            try {
                return Json.MAPPER.readTree(jp);
            } catch (JsonProcessingException e) {
                // a limit's exception carries no location; the parser knows where it stopped
                JsonLocation at = e.getLocation() != null ? e.getLocation() : jp.currentLocation();
                String pos = JsonProblems.position(at);
                throw new ProjectFileException(file + " is damaged: " + (pos.isEmpty() ? "" : pos + ": ")
                        + JsonProblems.explain(e), e);
            }
        } catch (ProjectFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ProjectFileException(file + " could not be read: " + reason(e), e);
        }
    }

    /** Our own checks speak to users; anything else (a null, an index out of range) gets a plain sentence. */
    private static String ownWords(RuntimeException e) {
        boolean ours = e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)
                && e.getMessage() != null;
        return ours ? e.getMessage() : "its parts do not fit together";
    }

    /** Why the file system refused, without Java's wording. */
    public static String reason(IOException e) {
        if (e instanceof ProjectFileException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "there is no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return "the disk or file system reported an error";
    }
}
