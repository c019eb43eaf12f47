package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Search order and package discovery. Only rdf.yaml files are needed: finding does not load networks. */
class ModelFinderTest {
    @TempDir
    Path root;

    /** Writes a package folder holding only rdf.yaml and a model card for the tiny detector spec. */
    private Path detectorAt(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("MODEL_CARD.md"), "# card\n");
        ModelDescription d = TinyDetector.description();
        ModelDescription complete = new ModelDescription(d.description(), d.authors(), d.license(),
                d.documentation(), d.citations(), d.inputs(), d.outputs(), d.weightsSource(), "0".repeat(64),
                "2.18.0", d.absoluteTolerance(), d.relativeTolerance());
        ModelSpec s = TinyDetector.spec();
        ModelSpec named = new ModelSpec(name, s.version(), s.task(), s.micronsPerPixel(), s.inputName(),
                s.preprocessing(), s.detect(), null, null);
        Files.writeString(folder.resolve("rdf.yaml"), ModelSpecWriter.toYaml(named, complete, Instant.now()));
        return folder;
    }

    private Path option;
    private Path env;
    private Path home;
    private Path fiji;

    @BeforeEach
    void folders() throws Exception {
        option = Files.createDirectories(root.resolve("option"));
        env = Files.createDirectories(root.resolve("env"));
        home = Files.createDirectories(root.resolve("home/models"));
        fiji = Files.createDirectories(root.resolve("Fiji.app/models/glo-in-one"));
        Files.createDirectories(root.resolve("Fiji.app/jars"));
    }

    @Test
    void searchOrderIsOptionEnvironmentHomeThenFiji() throws Exception {
        ModelFinder f = new ModelFinder(option, env.toString(), root.resolve("home").toString(),
                root.resolve("Fiji.app").toString(), root.resolve("Fiji.app/jars/Glo_In_One-0.1.0.jar"));
        assertEquals(List.of(option, env, home, fiji), f.searchFolders());
    }

    @Test
    void fijiFolderIsFoundFromThePluginJarWithoutIjDir() throws Exception {
        ModelFinder f = new ModelFinder(null, null, null, null, root.resolve("Fiji.app/jars/Glo_In_One-0.1.0.jar"));
        assertEquals(List.of(fiji.toAbsolutePath()), f.searchFolders());
    }

    @Test
    void firstFolderHoldingATaskWins() throws Exception {
        detectorAt(env.resolve("detector"), "from-env");
        detectorAt(home.resolve("detector"), "from-home");
        FoundModels found = new ModelFinder(null, env.toString(), root.resolve("home").toString(), null, null).find();
        assertEquals(Optional.of(env.resolve("detector")), found.detector());
        assertEquals(Optional.empty(), found.classifier());
        ModelException e = assertThrows(ModelException.class, () -> found.require(Task.SEGMENT));
        assertTrue(e.getMessage().startsWith("no segment model found; searched ["), e.getMessage());
    }

    @Test
    void aModelsOptionWithoutPackagesIsRefusedRatherThanFallingBack() throws Exception {
        detectorAt(home.resolve("detector"), "from-home");
        Files.createDirectories(option.resolve("saved_model"));
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelFinder(option, null, root.resolve("home").toString(), null, null).find());
        assertTrue(e.getMessage().contains("without model packages"), e.getMessage());
        Files.createDirectories(option.resolve("detector").resolve("saved_model"));
        ModelException noRdf = assertThrows(ModelException.class,
                () -> new ModelFinder(option, null, root.resolve("home").toString(), null, null).find());
        assertTrue(noRdf.getMessage().endsWith("detector: not a model package (no rdf.yaml)"), noRdf.getMessage());
    }

    @Test
    void packagesWithOtherNamesAreFoundByTheirTask() throws Exception {
        detectorAt(option.resolve("b-circlenet"), "b");
        detectorAt(option.resolve("a-circlenet"), "a");
        Files.createDirectories(option.resolve("not-a-package"));
        assertEquals(Map.of(Task.DETECT, option.resolve("a-circlenet")), ModelFinder.packagesByTask(option));
        assertEquals(List.of(option.resolve("a-circlenet"), option.resolve("b-circlenet")),
                ModelFinder.packagesIn(option));
    }

    @Test
    void conventionalFolderWithTheWrongTaskIsAnError() throws Exception {
        detectorAt(option.resolve("classifier"), "misplaced");
        ModelException e = assertThrows(ModelException.class, () -> ModelFinder.packagesByTask(option));
        assertTrue(e.getMessage().contains("holds a detect model, but the folder name says classify"), e.getMessage());
    }

    @Test
    void missingOptionOrEnvironmentFolderIsNamed() {
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelFinder(root.resolve("nope"), null, null, null, null).searchFolders());
        assertTrue(e.getMessage().contains("nope: --models must name a folder"), e.getMessage());
        ModelException e2 = assertThrows(ModelException.class,
                () -> new ModelFinder(null, root.resolve("gone").toString(), null, null, null).searchFolders());
        assertTrue(e2.getMessage().contains("GLO_IN_ONE_MODELS must name a folder"), e2.getMessage());
    }
}
