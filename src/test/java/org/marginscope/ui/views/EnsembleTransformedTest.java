package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginscope.render.TransformedFrame;
import org.marginscope.ui.AppWindowTest;

/** Poggio's ensemble in the transformed view: the seven copies share the random features, so they are measured there. */
class EnsembleTransformedTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "poggio-ensemble-exp";
    }

    @Test
    void theCopiesAreMeasuredAgainstTheSvmOfTheSharedFeatures() throws Exception {
        var tr = window.session().trainer();
        tr.step(200);
        tr.awaitIdle();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == tr.latest().step(), "the frame of the last step");
        TransformedFrame f = window.transformedView().currentFrame();
        assertEquals(7, f.companions().size(), "the seven copies beside the main network");
        assertTrue(f.projected(), "200 features: a projection, so no lines, only the angles");
        for (TransformedFrame.Companion c : f.companions()) {
            assertEquals(null, c.w());
            assertTrue(c.angleDeg() > 0 && c.angleDeg() < 180, c.label() + ": " + c.angleDeg());
        }
        String text = TransformedView.companionsText(f);
        assertTrue(text.contains("7 beside it"), text);
    }
}
