package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.render.PresetThumbnail;
import org.marginscope.train.Timeline;

class PresetPreviewTest {
    @Test
    void snapshotCountMatchesTheTimelineStepByStep() {
        Timeline t = new Timeline();
        long count = 0;
        for (long s = 0; s <= 300_000; s++) {
            if (t.wants(s)) {
                count++;
            }
            if (s == 0 || s == 1 || s == 127 || s == 128 || s == 129 || s == 1000 || s == 4096 || s == 300_000) {
                assertEquals(count, PresetPreview.snapshotsUpTo(s), "snapshots up to step " + s);
            }
        }
    }

    @Test
    void measuresAPaceAndPaintsTheTrainedNetwork() {
        Preset p = PresetLibrary.byName("moon-small-net");
        PresetPreview v = PresetPreview.measure(p, new PresetThumbnail());
        assertEquals(PresetPreview.WIDTH, v.thumbnail().getWidth());
        assertTrue(v.stepsTrained() > 0 && v.stepsTrained() <= p.steps(), "trained " + v.stepsTrained());
        assertTrue(v.secondsPerStep() > 0 && v.secondsPerStep() < 1, "a step of a 2-32-32-1 net: " + v.secondsPerStep());
        double expected = v.expectedSeconds(p);
        assertTrue(expected >= p.steps() * v.secondsPerStep(), "steps plus snapshots: " + expected);
        assertTrue(colours(v.thumbnail()) > 50, "a shaded field, a boundary and points, not a blank picture");
    }

    @Test
    void cacheGivesBackWhatItStoredAndMissesAnEditedPreset(@TempDir Path dir) throws Exception {
        Preset p = PresetLibrary.byName("vdberg-fig3-boolean");
        PresetPreview v = PresetPreview.measure(p, new PresetThumbnail());
        PresetPreviewCache cache = new PresetPreviewCache(dir);
        assertTrue(cache.load(p).isEmpty());
        cache.store(p, v);
        PresetPreview back = cache.load(p).orElseThrow();
        assertEquals(v.secondsPerStep(), back.secondsPerStep());
        assertEquals(v.secondsPerSnapshot(), back.secondsPerSnapshot());
        assertEquals(v.stepsTrained(), back.stepsTrained());
        for (int y = 0; y < v.thumbnail().getHeight(); y += 7) {
            for (int x = 0; x < v.thumbnail().getWidth(); x += 7) {
                assertEquals(v.thumbnail().getRGB(x, y), back.thumbnail().getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        Preset edited = new Preset(p.name(), p.version(), p.description(), p.paper(), p.dataset(), p.network(),
                p.training(), p.steps() + 10, p.stop(), p.metrics(), p.views(), p.areaGridCells(), p.retrainLastLayerAt(),
                p.paperSettings());
        assertTrue(cache.load(edited).isEmpty(), "an edited preset is measured again");
    }

    @Test
    void headlineIsTheFirstClaimOrTheFirstSentence() {
        Preset withClaim = PresetLibrary.byName("li-blob-small-net");
        String statement = org.marginscope.experiment.claims.ClaimLibrary.of(withClaim.name()).get(0).statement();
        assertEquals(statement, PresetHeadline.of(withClaim).substring(0, 1).toLowerCase()
                + PresetHeadline.of(withClaim).substring(1, statement.length()));
        assertEquals("Li et al. Fig. 2 shows it, e.g. here.", PresetHeadline.firstSentence(
                "Li et al. Fig. 2 shows it, e.g. here. The second sentence."));
        assertEquals("No full stop at all", PresetHeadline.firstSentence("No full stop at all"));
    }

    @Test
    void groupsFollowThePapersAndKeepEveryPreset() {
        Set<String> seen = new HashSet<>();
        for (PresetGroups.Group g : PresetGroups.builtIn()) {
            for (Preset p : g.presets()) {
                assertTrue(seen.add(p.name()), p.name() + " in one group only");
                assertEquals(g.paper() == null ? null : g.paper().id(), p.paper(), p.name());
            }
        }
        assertEquals(PresetLibrary.builtIn().size(), seen.size());
    }

    private static int colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
