package org.marginscope.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marginscope.experiment.claims.Claim;
import org.marginscope.experiment.claims.ClaimCheck;
import org.marginscope.experiment.claims.ClaimLibrary;
import org.marginscope.experiment.claims.ClaimsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code claims}: every built-in claim measured over seeds, with its verdict (one JSON line per claim). */
@Command(name = "claims", description = "Measure the papers' claims over seeds and print a verdict per claim"
        + " (holds, holds_for_some_seeds, trending, does_not_hold, not_meaningful).")
final class ClaimsCommand implements Callable<Integer> {
    @Option(names = "--preset", description = "Only this preset's claims.")
    String preset;

    @Option(names = "--seeds", description = "Seeds per claim (default: each claim's own, 5).")
    int seeds;

    @Option(names = "--quick", description = "Only the claims cheap enough for seconds, with 3 seeds.")
    boolean quick;

    @Option(names = "--markdown", description = "Also write the table as Markdown (docs/claims.md).")
    Path markdown;

    @Option(names = "--verdicts", description = "Also write the verdicts as JSON for the app (its resource"
            + " org/marginscope/claims/verdicts.json).")
    Path verdicts;

    @Override
    public Integer call() throws Exception {
        List<Claim> claims = ClaimLibrary.builtIn().stream()
                .filter(c -> preset == null || c.preset().equals(preset))
                .filter(c -> !quick || c.quick()).toList();
        if (claims.isEmpty()) {
            System.err.println("marginscope: no claims" + (preset == null ? "" : " for preset '" + preset + "'")
                    + (quick ? " among the quick ones" : ""));
            return 2;
        }
        int k = seeds > 0 ? seeds : quick ? 3 : 0;
        long t0 = System.nanoTime();
        List<ClaimCheck.Result> results = ClaimCheck.check(claims, k,
                (done, total) -> System.err.printf("\rclaims: %d of %d runs done", done, total));
        System.err.printf("%nclaims: %d claims in %.0f s%n", results.size(), (System.nanoTime() - t0) * 1e-9);
        for (ClaimCheck.Result r : results) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("preset", r.claim().preset());
            line.put("claim", r.claim().id());
            line.put("metric", r.claim().metric());
            line.put("comparison", r.claim().comparison());
            line.put("median", r.median());
            line.put("q1", r.q1());
            line.put("q3", r.q3());
            line.put("limit", Double.isNaN(r.limit()) ? null : r.limit());
            line.put("verdict", r.verdict().id());
            line.put("seeds", r.seeds().size());
            line.put("passing", r.passCount());
            line.put("horizon", r.claim().horizon());
            System.out.println(JsonLine.of(line));
        }
        if (markdown != null) {
            ClaimsReport.writeMarkdown(results, markdown);
        }
        if (verdicts != null) {
            ClaimsReport.writeVerdicts(results, verdicts);
        }
        return 0;
    }
}
