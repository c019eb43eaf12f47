package org.gloinone;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the product's classes ({@link ArchitectureRules}), and proof that each rule fails when a
 * class in the wrong place references what it must not (the samples in {@code org.gloinone.detect} and
 * {@code org.gloinone.io} of the tests, which the product rules do not see).
 */
class ArchitectureTest {
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gloinone");
    }

    @Test
    void coreHasNoUserInterface() {
        ArchitectureRules.CORE_HAS_NO_USER_INTERFACE.check(product);
    }

    @Test
    void coreHasNoFrontDoor() {
        ArchitectureRules.CORE_HAS_NO_FRONT_DOOR.check(product);
    }

    @Test
    void stagesDoNotKnowThePipeline() {
        ArchitectureRules.STAGES_DO_NOT_KNOW_THE_PIPELINE.check(product);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        ArchitectureRules.ONLY_THE_COMMAND_LINE_USES_PICOCLI.check(product);
    }

    @Test
    void onlyTheSparkApplicationUsesSpark() {
        ArchitectureRules.ONLY_THE_SPARK_APPLICATION_USES_SPARK.check(product);
    }

    @Test
    void onlyFrontDoorsUseTheUserInterface() {
        ArchitectureRules.ONLY_FRONT_DOORS_USE_THE_USER_INTERFACE.check(product);
    }

    @Test
    void progressIsALeaf() {
        ArchitectureRules.PROGRESS_IS_A_LEAF.check(product);
    }

    @Test
    void everyPackageOfTheArchitectureExists() {
        Path sources = Path.of("src/main/java/org/gloinone");
        for (String pkg : List.of("slide", "model", "progress", "detect", "patch", "classify", "segment",
                "pipeline", "io", "job", "batch", "eval", "train", "imagej", "cli", "fiji", "spark")) {
            assertTrue(Files.isRegularFile(sources.resolve(pkg).resolve("package-info.java")), pkg);
        }
    }

    @Test
    void eachRuleFailsWhenAForbiddenReferenceIsAdded() throws ClassNotFoundException {
        JavaClasses samples = new ClassFileImporter().importClasses(
                Class.forName("org.gloinone.detect.ForbiddenReferenceSample"),
                Class.forName("org.gloinone.io.ForbiddenReferenceSample"));
        for (ArchRule rule : List.of(ArchitectureRules.CORE_HAS_NO_USER_INTERFACE,
                ArchitectureRules.CORE_HAS_NO_FRONT_DOOR, ArchitectureRules.STAGES_DO_NOT_KNOW_THE_PIPELINE,
                ArchitectureRules.ONLY_THE_COMMAND_LINE_USES_PICOCLI,
                ArchitectureRules.ONLY_FRONT_DOORS_USE_THE_USER_INTERFACE)) {
            AssertionError e = assertThrows(AssertionError.class, () -> rule.check(samples), rule.getDescription());
            assertTrue(e.getMessage().contains("ForbiddenReferenceSample"), e.getMessage());
        }
    }
}
