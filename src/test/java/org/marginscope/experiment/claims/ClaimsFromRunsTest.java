package org.marginscope.experiment.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.SeedVariation;
import org.marginscope.experiment.Sweep;

/**
 * The app's Model > Run over seeds judges the preset's claims from the sweep's runs (their metrics.csv rows and
 * flattened final metrics); the claims command measures each seed with its own run. Both must give the same numbers
 * and verdicts for the same seeds and steps.
 */
class ClaimsFromRunsTest {
    @Test
    void verdictsFromSweepRunsEqualTheClaimsCommandsOwnMeasurement() throws Exception {
        long steps = 400;
        List<Long> seeds = List.of(1L, 2L, 3L);
        Sweep.Outcome o = Sweep.run(PresetLibrary.byName("nar-fig2"), seeds, SeedVariation.BOTH, steps, 2, null, null, null);
        assertEquals(3, o.runs().size(), "every seed finished: " + o.failures());
        List<Claim> claims = ClaimLibrary.of("nar-fig2");
        assertEquals(3, claims.size());
        List<ClaimCheck.Result> fromRuns = ClaimCheck.judgeRuns(claims, o.runs(), steps);
        List<ClaimCheck.Measured> direct = new ArrayList<>();
        for (long s : seeds) {
            direct.add(ClaimCheck.measure("nar-fig2", steps, s));
        }
        for (int i = 0; i < claims.size(); i++) {
            ClaimCheck.Result want = ClaimCheck.judge(claims.get(i), direct);
            ClaimCheck.Result got = fromRuns.get(i);
            String what = claims.get(i).id();
            assertEquals(want.verdict(), got.verdict(), what);
            assertEquals(want.median(), got.median(), 1e-12, what);
            assertEquals(want.q1(), got.q1(), 1e-12, what);
            assertEquals(want.q3(), got.q3(), 1e-12, what);
            assertEquals(want.limit(), got.limit(), 1e-12, what);
            for (int k = 0; k < seeds.size(); k++) {
                ClaimCheck.SeedMeasure a = want.seeds().get(k), b = got.seeds().get(k);
                assertEquals(a.seed(), b.seed());
                assertEquals(a.measure(), b.measure(), 1e-12, what + " seed " + a.seed());
                assertEquals(a.early(), b.early(), 1e-12, what + " early, seed " + a.seed());
                assertEquals(a.meaningful(), b.meaningful(), what + " seed " + a.seed());
            }
        }
    }
}
