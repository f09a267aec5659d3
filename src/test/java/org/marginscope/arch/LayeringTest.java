package org.marginscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md: lower layers never import upper ones; only ui imports JavaFX. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.marginscope");

    @Test
    void onlyUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.marginscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void dataIsPlainJava() {
        noClasses().that().resideInAPackage("org.marginscope.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.marginscope.model..",
                        "org.marginscope.train..", "org.marginscope.analysis..", "org.marginscope.render..",
                        "org.marginscope.export..", "org.marginscope.experiment..", "org.marginscope.cli..",
                        "org.marginscope.ui..")
                .check(CLASSES);
    }

    @Test
    void modelDoesNotKnowTrainingOrAbove() {
        noClasses().that().resideInAPackage("org.marginscope.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marginscope.train..",
                        "org.marginscope.analysis..", "org.marginscope.render..", "org.marginscope.export..",
                        "org.marginscope.experiment..", "org.marginscope.cli..", "org.marginscope.ui..")
                .check(CLASSES);
    }

    @Test
    void trainAndAnalysisDoNotKnowTheLayersAbove() {
        noClasses().that().resideInAnyPackage("org.marginscope.train..", "org.marginscope.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marginscope.render..",
                        "org.marginscope.export..", "org.marginscope.experiment..", "org.marginscope.cli..",
                        "org.marginscope.ui..")
                .check(CLASSES);
    }

    @Test
    void experimentIsHeadless() {
        noClasses().that().resideInAPackage("org.marginscope.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marginscope.cli..", "org.marginscope.ui..")
                .check(CLASSES);
    }
}
