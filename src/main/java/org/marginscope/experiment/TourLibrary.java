package org.marginscope.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.marginscope.data.AtomicFiles;

/** The built-in tours (listed in tours/index.txt beside them), and tours read from and written to files. */
public final class TourLibrary {
    private static final String DIR = "/org/marginscope/tours/";
    private static List<Tour> builtIn;

    private TourLibrary() {
    }

    public static synchronized List<Tour> builtIn() {
        if (builtIn == null) {
            List<Tour> list = new ArrayList<>();
            for (String id : index()) {
                try (InputStream in = TourLibrary.class.getResourceAsStream(DIR + id + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("tour " + id + " is listed but missing");
                    }
                    Tour t = checked(Json.MAPPER.readValue(in, Tour.class), id + ".json");
                    if (!t.id().equals(id)) {
                        throw new IllegalStateException("tour file " + id + ".json names itself " + t.id());
                    }
                    list.add(t);
                } catch (IOException e) {
                    throw new UncheckedIOException("built-in tour " + id + " is broken: " + e.getMessage(), e);
                }
            }
            builtIn = List.copyOf(list);
        }
        return builtIn;
    }

    public static Tour byId(String id) {
        return builtIn().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown tour '" + id + "'; known: "
                        + builtIn().stream().map(Tour::id).collect(Collectors.joining(", "))));
    }

    /** Reads a tour file; errors name the file, line and column, or the step whose preset is unknown. */
    public static Tour read(Path file) throws IOException {
        Tour t;
        try (InputStream in = Files.newInputStream(file)) {
            t = Json.MAPPER.readValue(in, Tour.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + Json.describe(e), e);
        }
        try {
            return checked(t, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a tour atomically (a teacher's file is never left half-written). */
    public static void write(Tour t, Path file) throws IOException {
        try {
            checked(t, file.toString()); // never write a file that would not open again
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        AtomicFiles.write(file, out -> Json.MAPPER.writeValue(out, t));
    }

    /**
     * Adds a step to a tour file (a new tour when the file does not exist) and writes it atomically; a damaged
     * file stays as it is. A step that trains no further than the run already reached only shows.
     */
    public static Tour appendStep(TourStep step, Path file) throws IOException {
        Tour t;
        try {
            if (Files.exists(file)) {
                Tour old = read(file);
                long reached = old.withStep(step).reachedBefore(old.steps().size());
                if (step.train() != null && step.train().toStep() != null && step.train().toStep() <= reached) {
                    // the same run at the same moment (another view of it): nothing more to train
                    step = new TourStep(step.title(), step.preset(), step.view(), step.overlays(), null,
                            step.narration(), step.highlight());
                }
                t = old.withStep(step);
            } else {
                t = newTour(file, step);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        write(t, file);
        return t;
    }

    /** A new tour file's tour: its id from the file name, its title to be edited in the file. */
    static Tour newTour(Path file, TourStep first) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return new Tour(name.isEmpty() ? "my-tour" : name, "My tour: " + file.getFileName(), null, List.of(first));
    }

    /** Every step's preset must be built in, and a run that goes on (same preset) must train further. */
    static Tour checked(Tour t, String source) {
        Set<String> presets = PresetLibrary.builtIn().stream().map(Preset::name).collect(Collectors.toSet());
        for (int i = 0; i < t.steps().size(); i++) {
            TourStep s = t.steps().get(i);
            String where = source + ", step " + (i + 1) + " ('" + s.title() + "')";
            if (!presets.contains(s.preset())) {
                throw new IllegalArgumentException(where + ": unknown preset '" + s.preset() + "'");
            }
            if (s.train() != null && s.train().metric() != null && !TourStep.METRICS.contains(s.train().metric())) {
                throw new IllegalArgumentException(where + ": trains towards an unknown metric '" + s.train().metric()
                        + "'; known: " + String.join(", ", new java.util.TreeSet<>(TourStep.METRICS)));
            }
            long reached = t.reachedBefore(i);
            if (s.train() != null && s.train().toStep() != null && s.train().toStep() <= reached) {
                throw new IllegalArgumentException(where + ": trains to step " + s.train().toStep()
                        + ", but the run is already at step " + reached);
            }
        }
        return t;
    }

    private static List<String> index() {
        return Json.index(DIR + "index.txt");
    }
}
