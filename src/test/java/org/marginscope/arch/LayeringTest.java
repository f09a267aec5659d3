package org.marginscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The layering of docs/architecture.md, one named rule per row of its table, each with its reason: a package
 * imports only the packages below it, and only ui imports JavaFX.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.marginscope");

    /** The layers from the bottom; the root package (Main) sits above all of them and is not a row here. */
    private static final List<String> ORDER = List.of("data", "model", "train", "analysis", "render", "export",
            "experiment", "cli", "ui");

    /** A row of the table: the package, what it may import of ours, why. */
    private record Row(String layer, List<String> mayImport, String because) {
    }

    static final List<Row> ROWS = List.of(
            new Row("data", List.of(), "datasets, generators and CSV are plain Java: a file format needs no ND4J"),
            new Row("model", List.of("data"), "a network computes on numbers; how it is trained is decided above it"),
            new Row("train", List.of("model", "data"), "the engine steps a network; what is measured or drawn of it is not its business"),
            new Row("analysis", List.of("model", "data"), "a measure reads a network and data, so the app and the command line compute it alike"),
            new Row("render", List.of("analysis", "model", "data"),
                    "a renderer sees weights and numbers, not the training that made them (a companion is a CompanionNet, not train's CompanionState)"),
            new Row("export", List.of("render", "data"), "files are written from finished figures"),
            new Row("experiment", List.of("export", "render", "analysis", "train", "model", "data"),
                    "presets, runs, probes and projects are headless: the command line runs them without a window"),
            new Row("cli", List.of("experiment", "export", "render", "analysis", "train", "model", "data"),
                    "the command line runs without JavaFX"),
            new Row("ui", List.of("experiment", "export", "render", "analysis", "train", "model", "data"),
                    "the window builds on the headless layers; what it shares with the command line lives in experiment (e.g. BenchmarkCases), not in cli"));

    @TestFactory
    Stream<DynamicTest> eachPackageImportsOnlyTheLayersBelowIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : ROWS) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ORDER) {
                if (!other.equals(row.layer()) && !row.mayImport().contains(other)) {
                    forbidden.add("org.marginscope." + other + "..");
                }
            }
            forbidden.add("org.marginscope"); // the root package: Main and the relaunch, above every layer
            ArchRule rule = noClasses().that().resideInAPackage("org.marginscope." + row.layer() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as(row.layer() + " imports only " + (row.mayImport().isEmpty() ? "the JDK and libraries" : row.mayImport()))
                    .because(row.because());
            tests.add(DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(CLASSES)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> libraryRules() {
        ArchRule javaFx = noClasses().that().resideOutsideOfPackage("org.marginscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .as("only ui imports JavaFX")
                .because("everything else runs headless: on CI, in `run`, `sweep` and `claims`");
        ArchRule nd4j = noClasses().that().resideInAPackage("org.marginscope.data..")
                .should().dependOnClassesThat().resideInAPackage("org.nd4j..")
                .as("data does not import ND4J")
                .because("reading a CSV or a project must not load the native library");
        return Stream.of(javaFx, nd4j).map(r -> DynamicTest.dynamicTest(r.getDescription(), () -> r.check(CLASSES)));
    }

    /** The window's rooms (docs/architecture.md, "The window's rooms"), one rule each with its reason. */
    @TestFactory
    Stream<DynamicTest> uiRooms() {
        ArchRule charts = noClasses().that().resideInAPackage("org.marginscope.ui.charts..")
                .should().dependOnClassesThat().resideInAPackage("org.marginscope.ui.views..")
                .as("ui.charts reads snapshots, never a view")
                .because("a chart built from a view's frame keeps the previous run's curve after a reset (issue 20)");
        ArchRule fx = noClasses().that().resideInAPackage("org.marginscope.ui.fx..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marginscope.ui", "org.marginscope.ui.window..",
                        "org.marginscope.ui.panels..", "org.marginscope.ui.views..", "org.marginscope.ui.charts..",
                        "org.marginscope.ui.tour..", "org.marginscope.ui.actions..", "org.marginscope.ui.gallery..")
                .as("ui.fx imports no other ui package")
                .because("its JavaFX helpers serve every room and know nothing of MarginScope");
        ArchRule rooms = slices().matching("org.marginscope.ui.(*)..").namingSlices("ui.$1")
                .should().beFreeOfCycles()
                .as("ui's sub-packages form no cycle")
                .because("the menus open the actions, so an action never reaches back into the window: what it shows"
                        + " there comes in as an interface it defines (a CSV load's progress, LoadProgressView), and"
                        + " what both show alike lives in the root package (a verdict's colour, Theme); the root"
                        + " package, MainWindow and Session, is every room's neighbour and no slice here");
        return Stream.of(charts, fx, rooms).map(r -> DynamicTest.dynamicTest(r.getDescription(), () -> r.check(CLASSES)));
    }
}
