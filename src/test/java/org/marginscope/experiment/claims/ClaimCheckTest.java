package org.marginscope.experiment.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rules and the quantiles against hand computations; the quick claims measured for real. */
class ClaimCheckTest {
    private static Claim below(double value, String unless) {
        return new Claim("nar-fig2", "t", "s", "src", "m", "<=", value, null, null, unless, 100, 4, true, null);
    }

    private static ClaimCheck.SeedMeasure seed(long s, double now, double early, boolean meaningful) {
        return new ClaimCheck.SeedMeasure(s, now, early, Double.NaN, meaningful);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] v = {4, 1, 3, 2}; // sorted 1 2 3 4: q1 at h = 0.75 -> 1.75, median 2.5, q3 3.25
        assertEquals(1.75, ClaimCheck.quantile(v, 0.25), 1e-12);
        assertEquals(2.5, ClaimCheck.quantile(v, 0.5), 1e-12);
        assertEquals(3.25, ClaimCheck.quantile(v, 0.75), 1e-12);
        assertEquals(7, ClaimCheck.quantile(new double[] {7}, 0.25), 0);
        assertTrue(Double.isNaN(ClaimCheck.quantile(new double[0], 0.5)));
    }

    @Test
    void everySeedPassingHoldsSomeHoldsForSome() {
        Claim c = below(5, null);
        assertEquals(Verdict.HOLDS, ClaimCheck.summarise(c, List.of(seed(1, 1, 9, true), seed(2, 4.9, 9, true))).verdict());
        var some = ClaimCheck.summarise(c, List.of(seed(1, 1, 9, true), seed(2, 7, 9, true), seed(3, 6, 9, true)));
        assertEquals(Verdict.HOLDS_FOR_SOME_SEEDS, some.verdict());
        assertEquals(6, some.median(), 0);
        assertEquals("1 of 3", some.passCount());
    }

    @Test
    void noSeedPassingIsTrendingOnlyWhenTheGapClosed() {
        Claim c = below(5, null);
        // gap 10 -> 6: closed 40% of it over the last decade
        assertEquals(Verdict.TRENDING, ClaimCheck.summarise(c, List.of(seed(1, 11, 15, true), seed(2, 11, 15, true))).verdict());
        // gap 10 -> 9.8: 2%, under the 5% rule
        assertEquals(Verdict.DOES_NOT_HOLD, ClaimCheck.summarise(c, List.of(seed(1, 14.8, 15, true))).verdict());
        // moving away
        assertEquals(Verdict.DOES_NOT_HOLD, ClaimCheck.summarise(c, List.of(seed(1, 20, 15, true))).verdict());
    }

    @Test
    void degenerateSeedsAreNotCountedAndAMajorityMakesItNotMeaningful() {
        Claim c = below(5, "transform_degenerate");
        var r = ClaimCheck.summarise(c, List.of(seed(1, 0.1, 0.1, false), seed(2, 0.2, 0.2, false), seed(3, 70, 80, true)));
        assertEquals(Verdict.NOT_MEANINGFUL, r.verdict(), "an artefact's 0.1 deg never makes a claim hold");
        var half = ClaimCheck.summarise(c, List.of(seed(1, 0.1, 0.1, false), seed(2, 1, 9, true)));
        assertEquals(Verdict.HOLDS, half.verdict());
        assertEquals(1, half.median(), 0, "statistics over the meaningful seeds only");
    }

    @Test
    void aClaimWithAnUnknownComparisonIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Claim("p", "i", "s", "src", "m", "<", 1, null, null, null, 10, 1, false, null));
    }

    @Test
    void everyBuiltInClaimNamesAPresetAndAMetricItsRunsReport() {
        assertFalse(ClaimLibrary.builtIn().isEmpty());
        for (Claim c : ClaimLibrary.builtIn()) {
            assertNotNull(org.marginscope.experiment.PresetLibrary.byName(c.preset()));
            assertTrue(c.metric().matches("[a-z_0-9]+"), c.metric());
        }
    }

    /**
     * Nar Fig 2 over 3 seeds at 100,000 steps (the quick claims, ~8 s): cross-entropy's margin stays under the SVM's,
     * differential training's reaches it, and cross-entropy is still on its way to its limit min |w|^2 + b^2.
     */
    @Test
    void theQuickClaimsMeasureNarsFigure2() throws Exception {
        List<Claim> quick = ClaimLibrary.builtIn().stream().filter(Claim::quick).toList();
        var results = ClaimCheck.check(quick, 3, null);
        for (var r : results) {
            Verdict expected = switch (r.claim().id()) {
                case "ce-margin-short-of-svm", "differential-reaches-svm" -> Verdict.HOLDS;
                case "ce-reaches-its-limit" -> Verdict.TRENDING;
                default -> null;
            };
            assertEquals(expected, r.verdict(), r.claim().id() + ": " + r.median());
            assertEquals(3, r.seeds().size());
        }
        var limit = results.stream().filter(r -> r.claim().id().equals("ce-margin-short-of-svm")).findFirst().orElseThrow();
        assertTrue(limit.limit() > limit.q3(), "the limit's margin lies beyond every seed's cross-entropy margin");
    }
}
