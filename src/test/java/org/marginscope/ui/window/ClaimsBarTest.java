package org.marginscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.claims.ClaimLibrary;
import org.marginscope.experiment.claims.ClaimsReport;
import org.marginscope.experiment.claims.Verdict;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.MainWindow;

/** The line under the views gives the loaded preset's claims with their recorded verdicts, and follows the preset. */
@ExtendWith(ApplicationExtension.class)
class ClaimsBarTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, PresetLibrary.byName("nar-fig2"));
        stage.setWidth(1440);
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.scene().getWindow().hide()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyClaimOfThePresetIsShownWithItsVerdictAndOthersShowNone() throws Exception {
        var recorded = ClaimsReport.recorded("nar-fig2");
        assertEquals(ClaimLibrary.of("nar-fig2").size(), recorded.size(), "every built-in claim has a recorded verdict");
        ClaimsBar bar = (ClaimsBar) window.scene().lookup("#claims-bar");
        var shown = WaitForAsyncUtils.asyncFx(bar::shownVerdicts).get(10, TimeUnit.SECONDS);
        assertEquals(recorded.stream().map(r -> Verdict.byId(r.verdict()).words()).toList(), shown);
        assertTrue(bar.isVisible());
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("moon-small-net")))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ClaimLibrary.of("moon-small-net").isEmpty());
        assertFalse(bar.isVisible(), "no claims, no line");
        assertTrue(WaitForAsyncUtils.asyncFx(bar::shownVerdicts).get(10, TimeUnit.SECONDS).isEmpty());
    }
}
