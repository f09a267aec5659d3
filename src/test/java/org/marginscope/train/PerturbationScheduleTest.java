package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Poggio Fig 5's schedule: every k steps after the first zero error, up to a step, once a step, and across a fork. */
class PerturbationScheduleTest {

    @Test
    void dueEveryKStepsAfterTheFirstZeroErrorUntilTheLastStep() {
        PerturbationSchedule s = new PerturbationSchedule();
        s.set(new Perturbation(0.25, 10, 45));
        assertEquals(List.of(), dueSteps(s, 0, 60), "nothing before zero error");
        s.zeroError(7);
        s.zeroError(12); // only the first zero error counts
        assertEquals(List.of(17L, 27L, 37L), dueSteps(s, 0, 60), "7 + 10, 7 + 20, 7 + 30; 47 is past 45");
        assertEquals(3, s.count());
    }

    @Test
    void aForkBeforeTheZeroErrorForgetsIt() {
        PerturbationSchedule s = new PerturbationSchedule();
        s.set(new Perturbation(0.25, 5, 100));
        s.zeroError(20);
        s.restoredTo(30);
        assertEquals(List.of(25L, 30L), dueSteps(s, 21, 31), "a fork after the zero error keeps it");
        s.restoredTo(15);
        assertEquals(List.of(), dueSteps(s, 16, 40), "a fork before it: the zero error has not happened yet");
        s.reset();
        assertEquals(0, s.count());
    }

    /** The steps at which the schedule fires, asking twice a step as a refused step would. */
    private static List<Long> dueSteps(PerturbationSchedule s, long from, long to) {
        List<Long> due = new ArrayList<>();
        for (long step = from; step <= to; step++) {
            for (int ask = 0; ask < 2; ask++) {
                if (s.due(step)) {
                    s.done(step);
                    due.add(step);
                }
            }
        }
        return due;
    }
}
