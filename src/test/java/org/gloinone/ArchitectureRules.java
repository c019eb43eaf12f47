package org.gloinone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house's layers as ArchUnit rules over compiled classes, so fully qualified references, inherited types
 * and lambdas are caught as well as imports.
 */
final class ArchitectureRules {
    /** The headless core: everything but the front doors ({@code cli}, {@code fiji}) and the ImageJ adapter. */
    static final String[] CORE = {"org.gloinone.slide..", "org.gloinone.model..", "org.gloinone.progress..",
        "org.gloinone.detect..", "org.gloinone.patch..", "org.gloinone.classify..", "org.gloinone.segment..",
        "org.gloinone.pipeline..", "org.gloinone.io..", "org.gloinone.job..", "org.gloinone.batch..",
        "org.gloinone.eval..", "org.gloinone.train.."};

    /** The stages the pipeline runs, and what they share. */
    static final String[] STAGES = {"org.gloinone.detect..", "org.gloinone.patch..", "org.gloinone.classify..",
        "org.gloinone.segment.."};

    /** Classes that open windows or talk to ImageJ's user interface. */
    static final DescribedPredicate<JavaClass> USER_INTERFACE = new DescribedPredicate<>(
            "user-interface classes (ij.gui, ij.IJ, ij.WindowManager, ij.plugin.frame, Swing, AWT windows)") {
        @Override
        public boolean test(JavaClass c) {
            String n = c.getName();
            return n.startsWith("ij.gui.") || n.equals("ij.IJ") || n.startsWith("ij.IJ$")
                    || n.equals("ij.WindowManager") || n.startsWith("ij.plugin.frame.") || n.startsWith("javax.swing.")
                    || c.isAssignableTo(java.awt.Component.class);
        }
    };

    private ArchitectureRules() {
    }

    /** The core never references a user interface. */
    static final ArchRule CORE_HAS_NO_USER_INTERFACE = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat(USER_INTERFACE)
            .because("the core runs headless: on a cluster, in a batch, under a test");

    /** The core never references a front door, the ImageJ adapter or picocli. */
    static final ArchRule CORE_HAS_NO_FRONT_DOOR = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.gloinone.cli..", "org.gloinone.fiji..",
                    "org.gloinone.imagej..", "picocli..")
            .because("front doors call the core, never the other way round");

    /** Stages know neither the pipeline that runs them nor the job and batch around it. */
    static final ArchRule STAGES_DO_NOT_KNOW_THE_PIPELINE = noClasses().that().resideInAnyPackage(STAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.gloinone.pipeline..", "org.gloinone.job..",
                    "org.gloinone.batch..", "org.gloinone.io..", "org.gloinone.eval..", "org.gloinone.train..")
            .because("data flows one way: stages, then the pipeline, then the job that writes");

    /** Only the command lines (glo-in-one and the Spark application) use picocli. */
    static final ArchRule ONLY_THE_COMMAND_LINE_USES_PICOCLI = noClasses().that()
            .resideOutsideOfPackages("org.gloinone.cli..", "org.gloinone.spark..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    /** Only the Spark application uses Spark and Hadoop. */
    static final ArchRule ONLY_THE_SPARK_APPLICATION_USES_SPARK = noClasses().that()
            .resideOutsideOfPackage("org.gloinone.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..")
            .because("the cluster provides Spark: Fiji and the other commands run without it on the class path");

    /** Only the front doors and the ImageJ adapter use ImageJ's user interface. */
    static final ArchRule ONLY_FRONT_DOORS_USE_THE_USER_INTERFACE = noClasses().that()
            .resideOutsideOfPackages("org.gloinone.cli..", "org.gloinone.fiji..", "org.gloinone.imagej..")
            .should().dependOnClassesThat(USER_INTERFACE);

    /** Progress and cancellation depend on nothing of the project. */
    static final ArchRule PROGRESS_IS_A_LEAF = noClasses().that().resideInAPackage("org.gloinone.progress..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.gloinone.progress..", "java..");
}
