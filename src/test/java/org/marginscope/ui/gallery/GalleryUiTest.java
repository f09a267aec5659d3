package org.marginscope.ui.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.PaperReferences;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.PresetPreview;
import org.marginscope.render.PresetThumbnail;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.MarginScopeApp;
import org.marginscope.ui.Session;

/** File > Examples and the Presets menu's sub-menus, driven as a user drives them. */
class GalleryUiTest extends AppWindowTest {
    private Path cache;
    private String cacheBefore;

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    @BeforeEach
    void emptyCache() throws Exception {
        cache = Files.createTempDirectory("gallery-cache");
        cacheBefore = System.getProperty("marginscope.cacheDir");
        System.setProperty("marginscope.cacheDir", cache.toString());
    }

    @AfterEach
    void restoreCache() {
        if (cacheBefore == null) {
            System.clearProperty("marginscope.cacheDir");
        } else {
            System.setProperty("marginscope.cacheDir", cacheBefore);
        }
    }

    private GalleryWindow openFromFileMenu(FxRobot robot) throws Exception {
        robot.clickOn("File");
        robot.clickOn("Examples\u2026");
        waitUntil(() -> window.gallery() != null && window.gallery().stage().isShowing(), "the gallery opens");
        return window.gallery();
    }

    private Set<String> shownCards(GalleryWindow g) throws Exception {
        return fx(() -> g.cards().values().stream().filter(c -> c.isVisible() && c.getParent().getParent().isVisible())
                .map(c -> c.preset().name()).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void opensFromTheFileMenuWithOneCardPerPresetGroupedByPaper(FxRobot robot) throws Exception {
        GalleryWindow g = openFromFileMenu(robot);
        Set<String> all = PresetLibrary.builtIn().stream().map(Preset::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, new TreeSet<>(g.cards().keySet()), "one card per built-in preset");
        assertEquals(all, shownCards(g), "all shown before any search");
        for (Preset p : PresetLibrary.builtIn()) { // each card sits in the section of its preset's paper
            String group = PaperReferences.byId(p.paper() == null ? "" : p.paper()).map(PaperReferences.Reference::id)
                    .orElse("other");
            Node section = fx(() -> g.cards().get(p.name()).getParent().getParent());
            assertEquals("gallery-group-" + group, section.getId(), p.name());
        }
        Label liTitle = robot.from(g.stage().getScene().getRoot()).lookup("#gallery-group-li2018 .gallery-group-title")
                .queryAs(Label.class);
        assertTrue(liTitle.getText().startsWith("Li, Ding, Gao 2018"), liTitle.getText());
    }

    @Test
    void searchFiltersTheCards(FxRobot robot) throws Exception {
        GalleryWindow g = openFromFileMenu(robot);
        robot.clickOn("#gallery-search").write("fig13");
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> fig13 = PresetLibrary.builtIn().stream().map(Preset::name).filter(n -> n.contains("fig13"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(5, fig13.size());
        assertEquals(fig13, shownCards(g));
        assertFalse(robot.lookup("#gallery-group-li2018").query().isVisible(), "a paper with no match folds away");
        robot.write(" zzzq");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shownCards(g).isEmpty());
        Label empty = robot.lookup("#gallery-empty").queryAs(Label.class);
        assertTrue(empty.isVisible() && empty.getText().contains("fig13 zzzq"), empty.getText());
    }

    @Test
    void enterAndDoubleClickLoadThePresetIntoTheSession(FxRobot robot) throws Exception {
        GalleryWindow g = openFromFileMenu(robot);
        robot.clickOn("#gallery-search").write("moon-small-net");
        robot.type(KeyCode.ENTER); // to the first card shown
        assertTrue(fx(() -> g.cards().get("moon-small-net").isFocused()), "Enter in the search selects the card");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("moon-small-net", session().presetProperty().get().name());
        assertEquals("2-32-32-1", session().specProperty().get().toString());
        assertFalse(g.stage().isShowing(), "the gallery closes on opening a preset");

        robot.clickOn("File");
        robot.clickOn("Examples\u2026");
        waitUntil(() -> g.stage().isShowing(), "opens again");
        robot.clickOn("#gallery-search").write("nar-two-points");
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#gallery-card-nar-two-points .gallery-card-title", MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nar-two-points", session().presetProperty().get().name());
    }

    @Test
    void thumbnailsAreTheRenderersPicturesAndTheDurationIsMeasured(FxRobot robot) throws Exception {
        GalleryWindow g = openFromFileMenu(robot);
        robot.clickOn("#gallery-search").write("vdberg-fig3-boolean"); // the worker paints the cards shown first
        waitUntil(() -> g.cards().get("vdberg-fig3-boolean").thumbnail() != null, "the thumbnail is painted");
        Image shown = fx(() -> g.cards().get("vdberg-fig3-boolean").thumbnail());
        // the same preset trained its one step and painted here, outside the gallery
        Preset p = PresetLibrary.byName("vdberg-fig3-boolean");
        ExperimentRun run = new ExperimentRun(p, null, null);
        Snapshot s = run.run(null);
        java.awt.image.BufferedImage own = new PresetThumbnail().paint(run.dataset(), s.spec(), s.parameters(),
                s.decisionOffset(), s.step(), PresetPreview.WIDTH, PresetPreview.HEIGHT);
        assertEquals(own.getWidth(), (int) shown.getWidth());
        int same = 0, total = 0;
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < own.getHeight(); y++) {
            for (int x = 0; x < own.getWidth(); x++) {
                int argb = shown.getPixelReader().getArgb(x, y);
                colours.add(argb);
                same += argb == own.getRGB(x, y) ? 1 : 0;
                total++;
            }
        }
        assertTrue(colours.size() > 50, "not blank: " + colours.size() + " colours");
        assertTrue(same > 0.99 * total, same + " of " + total + " pixels as the renderer paints them");
        String meta = robot.lookup("#gallery-meta-vdberg-fig3-boolean").queryAs(Label.class).getText();
        assertTrue(meta.startsWith("1 step") && !meta.contains("measuring"), meta);
        try (var files = Files.list(cache.resolve("gallery"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("vdberg-fig3-boolean-")
                    && f.toString().endsWith(".png")), "cached on disk");
        }

        robot.clickOn("#gallery-search").push(KeyCode.END).eraseText("vdberg-fig3-boolean".length()).write("moon-small-net");
        // the worker may be inside a slow preset (seconds) when the search changes what it should paint next
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> g.cards().get("moon-small-net").thumbnail() != null);
        Image moon = fx(() -> g.cards().get("moon-small-net").thumbnail());
        int differ = 0;
        for (int y = 0; y < own.getHeight(); y += 2) {
            for (int x = 0; x < own.getWidth(); x += 2) {
                differ += moon.getPixelReader().getArgb(x, y) != shown.getPixelReader().getArgb(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > total / 8, "another preset, another picture: " + differ + " pixels differ");
        String moonMeta = robot.lookup("#gallery-meta-moon-small-net").queryAs(Label.class).getText();
        assertTrue(moonMeta.startsWith("3,000 steps") && moonMeta.contains("here"), moonMeta);
    }

    @Test
    void presetsMenuHasASubMenuPerPaperCoveringEveryPreset() throws Exception {
        MenuBar bar = (MenuBar) window.scene().lookup("#menu-bar");
        Menu presets = bar.getMenus().stream().filter(m -> m.getText().equals("Presets")).findFirst().orElseThrow();
        List<Menu> subs = presets.getItems().stream().filter(i -> i instanceof Menu).map(i -> (Menu) i).toList();
        Set<String> papers = PresetLibrary.builtIn().stream().map(Preset::paper)
                .map(id -> PaperReferences.byId(id == null ? "" : id).map(PaperReferences.Reference::shortName)
                        .orElse("Other examples"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(papers, subs.stream().map(Menu::getText).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> items = new TreeSet<>();
        for (Menu m : subs) {
            for (MenuItem mi : m.getItems()) {
                String name = mi.getId().substring("preset-".length());
                assertTrue(items.add(name), name + " once");
                Preset p = PresetLibrary.byName(name);
                assertEquals(m.getText(), PaperReferences.byId(p.paper() == null ? "" : p.paper())
                        .map(PaperReferences.Reference::shortName).orElse("Other examples"), name + "'s sub-menu");
            }
        }
        assertEquals(PresetLibrary.builtIn().stream().map(Preset::name).collect(Collectors.toCollection(TreeSet::new)),
                items, "every preset reachable");
    }

    /** Presentation mode's large type left "..." of the heading and a sliver of the progress bar. */
    @Test
    void aNarrowGalleryKeepsItsHeadingAndProgressBarWhole(FxRobot robot) throws Exception {
        GalleryWindow g = openFromFileMenu(robot);
        fx(() -> {
            g.stage().getScene().getRoot().setStyle("-fx-font-size: 20px;");
            g.stage().setWidth(900);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label heading = robot.from(g.stage().getScene().getRoot()).lookup(".gallery-heading").queryAs(Label.class);
        javafx.scene.control.ProgressBar bar = robot.from(g.stage().getScene().getRoot()).lookup("#gallery-progress")
                .queryAs(javafx.scene.control.ProgressBar.class);
        String shown = fx(() -> ((javafx.scene.text.Text) heading.lookup(".text")).getText());
        assertEquals("Examples", shown, "the heading as drawn");
        assertEquals(fx(() -> bar.prefWidth(-1)), fx(bar::getWidth), 0.5, "the progress bar's width");
        javafx.geometry.Bounds b = fx(() -> bar.localToScene(bar.getLayoutBounds()));
        assertTrue(b.getMaxX() <= fx(() -> g.stage().getScene().getWidth()) + 0.5, "the bar inside the window: " + b);
        fx(() -> {
            bar.setVisible(false); // as when every preview is ready: its room goes to the words beside it
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(bar::isManaged), "a hidden bar takes no room");
    }

    @Test
    void galleryOpensByItselfOnlyAtAFirstStartThatIsNotScripted() {
        assertTrue(MarginScopeApp.opensGalleryAtStart(List.of(), false));
        assertFalse(MarginScopeApp.opensGalleryAtStart(List.of(), true), "once only");
        assertFalse(MarginScopeApp.opensGalleryAtStart(List.of("--screenshot", "a.png", "--after", "3"), false));
        assertFalse(MarginScopeApp.opensGalleryAtStart(List.of("--tour", "li"), false));
        assertTrue(MarginScopeApp.opensGalleryAtStart(List.of("--gallery", "--screenshot", "a.png"), true));
    }

    private Session session() {
        return window.session();
    }
}
