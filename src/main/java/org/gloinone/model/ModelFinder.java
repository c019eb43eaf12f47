package org.gloinone.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the detector, classifier and segmenter packages. Folders are searched in this order, and for each
 * task the first folder that holds a package for it wins:
 * <ol>
 *   <li>the {@code --models DIR} option;</li>
 *   <li>the environment variable {@code GLO_IN_ONE_MODELS};</li>
 *   <li>{@code models/} beside the program (system property {@code glo-in-one.home}, set by the launcher);</li>
 *   <li>in Fiji, {@code Fiji.app/models/glo-in-one/}, found from ImageJ's {@code ij.dir} property or from
 *       the location of the plugin jar ({@code Fiji.app/jars/} or {@code Fiji.app/plugins/}).</li>
 * </ol>
 * Inside a folder a package is the subfolder (or zip) {@code detector}, {@code classifier} or
 * {@code segmenter}; otherwise any package folder or zip whose rdf.yaml has the task, by name order.
 *
 * @param modelsOption the {@code --models} folder, or null
 * @param environment  the value of {@code GLO_IN_ONE_MODELS}, or null
 * @param programHome  the program's folder ({@code glo-in-one.home}), or null
 * @param imagejDir    ImageJ's folder ({@code ij.dir}), or null
 * @param pluginJar    the jar this code was loaded from, or null
 */
public record ModelFinder(Path modelsOption, String environment, String programHome, String imagejDir,
                          Path pluginJar) {
    /** The environment variable naming a models folder. */
    public static final String ENVIRONMENT_VARIABLE = "GLO_IN_ONE_MODELS";
    /** The system property the launcher sets to the program's folder. */
    public static final String HOME_PROPERTY = "glo-in-one.home";
    private static final Map<Task, String> CONVENTIONAL = Map.of(
            Task.DETECT, "detector", Task.CLASSIFY, "classifier", Task.SEGMENT, "segmenter");

    /** A finder for this process: the option plus the environment, system properties and jar location. */
    public static ModelFinder forThisProgram(Path modelsOption) {
        return new ModelFinder(modelsOption, System.getenv(ENVIRONMENT_VARIABLE), System.getProperty(HOME_PROPERTY),
                System.getProperty("ij.dir"), codeLocation());
    }

    private static Path codeLocation() {
        try {
            CodeSource cs = ModelFinder.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null; // not loaded from a local jar: that search location simply does not apply
        }
    }

    /**
     * The folders to search, in order. The option and the environment variable must name existing folders;
     * the other locations are used only when they exist.
     *
     * @throws ModelException naming the option or variable if its folder does not exist
     */
    public List<Path> searchFolders() throws ModelException {
        LinkedHashSet<Path> folders = new LinkedHashSet<>();
        if (modelsOption != null) {
            if (!Files.isDirectory(modelsOption)) {
                throw new ModelException(modelsOption + ": --models must name a folder of model packages");
            }
            folders.add(modelsOption);
        }
        if (environment != null && !environment.isBlank()) {
            Path env = Path.of(environment.trim());
            if (!Files.isDirectory(env)) {
                throw new ModelException(env + ": " + ENVIRONMENT_VARIABLE + " must name a folder of model packages");
            }
            folders.add(env);
        }
        List<Path> optional = new ArrayList<>();
        if (programHome != null && !programHome.isBlank()) {
            optional.add(Path.of(programHome).resolve("models"));
        }
        if (imagejDir != null && !imagejDir.isBlank()) {
            optional.add(Path.of(imagejDir).resolve("models").resolve("glo-in-one"));
        }
        if (pluginJar != null && pluginJar.toAbsolutePath().getParent() != null
                && pluginJar.toAbsolutePath().getParent().getParent() != null) {
            optional.add(pluginJar.toAbsolutePath().getParent().getParent().resolve("models").resolve("glo-in-one"));
        }
        for (Path p : optional) {
            if (Files.isDirectory(p)) {
                folders.add(p);
            }
        }
        return List.copyOf(folders);
    }

    /**
     * Finds a package for each task.
     *
     * @throws ModelException if a named folder is missing or a package in the way cannot be read
     */
    public FoundModels find() throws ModelException {
        List<Path> folders = searchFolders();
        Map<Task, Path> found = new EnumMap<>(Task.class);
        for (Path folder : folders) {
            Map<Task, Path> inFolder = packagesByTask(folder);
            if (inFolder.isEmpty() && folder.equals(modelsOption)) {
                // Falling back to other models would run something the user did not choose.
                throw new ModelException(folder + ": --models names a folder without model packages (no "
                        + ModelSpecReader.RDF_FILE + " in it or its subfolders, no .zip)");
            }
            for (Map.Entry<Task, Path> e : inFolder.entrySet()) {
                found.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return new FoundModels(found, folders);
    }

    /**
     * The package per task in one folder: the conventional subfolder or zip first, otherwise the first package
     * (by name) whose rdf.yaml names the task.
     *
     * @throws ModelException if a package cannot be read, or a conventional one holds another task
     */
    public static Map<Task, Path> packagesByTask(Path folder) throws ModelException {
        Map<Task, Path> found = new EnumMap<>(Task.class);
        for (Map.Entry<Task, String> c : CONVENTIONAL.entrySet()) {
            for (Path candidate : List.of(folder.resolve(c.getValue()), folder.resolve(c.getValue() + ".zip"))) {
                if (Files.isDirectory(candidate) && !isPackage(candidate)) {
                    throw new ModelException(candidate + ": not a model package (no " + ModelSpecReader.RDF_FILE
                            + ")");
                }
                if (isPackage(candidate)) {
                    Task task = readTask(candidate);
                    if (task != c.getKey()) {
                        throw new ModelException(candidate + ": holds a " + task.word() + " model, but the folder "
                                + "name says " + c.getKey().word());
                    }
                    found.putIfAbsent(task, candidate);
                }
            }
        }
        for (Path p : packagesIn(folder)) {
            if (!found.containsValue(p)) {
                found.putIfAbsent(readTask(p), p);
            }
        }
        return found;
    }

    /**
     * Every package in a folder (subfolders with rdf.yaml and zips), by name; or the folder itself if it is one.
     *
     * @throws ModelException if the folder cannot be listed
     */
    public static List<Path> packagesIn(Path folder) throws ModelException {
        if (isPackage(folder)) {
            return List.of(folder);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (isPackage(p)) {
                    out.add(p);
                } else if (Files.isDirectory(p) && (Files.exists(p.resolve("saved_model"))
                        || Files.exists(p.resolve("saved_model.pb")))) {
                    throw new ModelException(p + ": holds a SavedModel but no " + ModelSpecReader.RDF_FILE
                            + ", so it is not a model package");
                }
            }
        } catch (IOException e) {
            throw new ModelException(folder + ": cannot list model packages: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** A folder holding rdf.yaml, or a .zip file. */
    public static boolean isPackage(Path p) {
        return Files.isDirectory(p) && Files.isRegularFile(p.resolve(ModelSpecReader.RDF_FILE))
                || Files.isRegularFile(p) && ModelPackage.isZip(p);
    }

    /** The task in a package's rdf.yaml, read without unpacking a zip. */
    static Task readTask(Path pkg) throws ModelException {
        if (Files.isDirectory(pkg)) {
            return ModelSpecReader.read(pkg.resolve(ModelSpecReader.RDF_FILE)).spec().task();
        }
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            ZipEntry rdf = zip.getEntry(ModelSpecReader.RDF_FILE);
            if (rdf == null) {
                for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    String[] parts = e.getName().split("/");
                    if (parts.length == 2 && parts[1].equals(ModelSpecReader.RDF_FILE)) {
                        rdf = e;
                        break;
                    }
                }
            }
            if (rdf == null) {
                throw new ModelException(pkg + ": no rdf.yaml at the top of the zip");
            }
            try (InputStream in = zip.getInputStream(rdf)) {
                return ModelSpecReader.parse(in, pkg + "!/" + rdf.getName()).spec().task();
            }
        } catch (IOException e) {
            throw new ModelException(pkg + ": cannot read the zip: " + e.getMessage(), e);
        }
    }
}
