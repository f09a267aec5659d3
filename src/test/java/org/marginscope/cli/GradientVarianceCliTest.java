package org.marginscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `run --gradient-variance`: van den Berg Fig 18's keys at the final weights (docs/cli.md). */
class GradientVarianceCliTest {
    @Test
    void runAddsTheFig18KeysPerFactor() throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("run", "--preset", "vdberg-fig14-norm1", "--steps", "0", "--quiet",
                "--gradient-variance", "--gv-factors", "1,4", "--gv-batches", "100");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        JsonNode m = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(11, m.get("grad_cv_batch_sizes").size(), "N = 1, 2, ..., 1024");
        assertEquals(1024, m.get("grad_cv_batch_sizes").get(10).asInt());
        assertEquals(1, m.get("grad_cv_w").get(0).asDouble(), 1e-6, "|A1| = 1 at step 0");
        assertEquals(4, m.get("grad_cv_w").get(1).asDouble(), 1e-6);
        assertEquals(2, m.get("grad_cv").size());
        assertEquals(11, m.get("grad_cv").get(0).size());
        // exact c of the step-0 net on the default strip (measured 2.334 at w = 1, 3.888 at w = 4)
        assertEquals(2.334, m.get("grad_cv_c_exact").get(0).asDouble(), 0.01);
        assertTrue(m.get("grad_cv_c").get(1).asDouble() > m.get("grad_cv_c").get(0).asDouble(), "c grows with w");
        assertTrue(m.get("grad_cv_sqrt_fit").asDouble() > 1, m.toString());
    }
}
