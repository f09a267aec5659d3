package org.marginscope.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A guided tour: a paper's story as a sequence of steps a teacher walks a room through. Tours are
 * data (JSON resources under {@code tours/}, or files teachers write with "Save current state as a
 * tour step"); {@link TourLibrary} reads and checks them.
 *
 * @param id    the file name without ".json"
 * @param paper the full reference of the paper the tour is about (null for the app's own tour)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tour(String id, String title, String paper, List<TourStep> steps) {
    public Tour {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a tour's id must be lower-case letters, digits and '-', not " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("tour " + id + " needs a title");
        }
        steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("tour " + id + " has no steps");
        }
    }

    /**
     * The step that the earlier steps of step i's run (the same preset, without a break) train to; 0 if
     * none: where a run that goes on into step i stands.
     */
    public long reachedBefore(int i) {
        long reached = 0;
        for (int j = i - 1; j >= 0 && steps.get(j).preset().equals(steps.get(i).preset()); j--) {
            TourStep.Train how = steps.get(j).train();
            if (how != null && how.toStep() != null) {
                reached = Math.max(reached, how.toStep());
            }
        }
        return reached;
    }

    public Tour withStep(TourStep s) {
        List<TourStep> all = new java.util.ArrayList<>(steps);
        all.add(s);
        return new Tour(id, title, paper, all);
    }
}
