package org.gloinone.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.RunManifest;

/**
 * The cohort's output folder on any Hadoop file system, with the few operations a commit needs. Renames that
 * must not replace are atomic where the file system allows: {@code rename(2)} on a local disk, the name node's
 * rename on HDFS. (Object stores such as S3 have no atomic folder rename: use a committer-friendly file system.)
 */
final class OutputFolder {
    /** Text files read back from the output are at most this long. */
    private static final long MAX_TEXT_BYTES = 256L << 20;

    private final Path root;
    private final FileSystem fs;
    private final Configuration conf;

    /** @param uri the output folder, as a path or URI; created when missing */
    OutputFolder(String uri, Configuration conf) throws IOException {
        Path path = new Path(uri);
        FileSystem named = path.getFileSystem(conf);
        // On a local disk no .crc files beside the results: the folders match glo-in-one run's.
        this.fs = "file".equals(named.getUri().getScheme()) ? FileSystem.getLocal(conf).getRawFileSystem() : named;
        this.root = fs.makeQualified(path);
        this.conf = conf;
    }

    /** The folder, fully qualified. */
    Path root() {
        return root;
    }

    /** The folders and files directly in the output folder. */
    List<Path> list() throws IOException {
        List<Path> paths = new ArrayList<>();
        if (fs.exists(root)) {
            for (FileStatus s : fs.listStatus(root)) {
                paths.add(s.getPath());
            }
        }
        return paths;
    }

    /**
     * Every complete slide folder (a visible folder with a readable {@code run.json}) by name, as
     * {@link org.gloinone.job.OutputFolder#completeSlides()} finds them on a local disk.
     */
    SortedMap<String, RunManifest> completeSlides() throws IOException {
        SortedMap<String, RunManifest> slides = new TreeMap<>();
        java.nio.file.Path scratch = Files.createTempFile("glo-in-one-run-", ".json");
        try {
            for (Path p : list()) {
                if (!p.getName().startsWith(".") && fs.getFileStatus(p).isDirectory()
                        && copyToLocal(new Path(p, ResultWriter.MANIFEST), scratch)) {
                    try {
                        slides.put(p.getName(), RunManifest.read(scratch));
                    } catch (IOException e) {
                        continue; // not complete: left out, as the command line does
                    }
                }
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        return slides;
    }

    boolean exists(Path path) throws IOException {
        return fs.exists(path);
    }

    /** The UTF-8 text of a file, if it exists. */
    Optional<String> readText(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            if (fs.getFileStatus(file).getLen() > MAX_TEXT_BYTES) {
                throw new IOException(file + ": larger than " + (MAX_TEXT_BYTES >> 20) + " MiB");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Copies a file of the output to a local file, if it exists. */
    boolean copyToLocal(Path file, java.nio.file.Path local) throws IOException {
        if (!fs.exists(file)) {
            return false;
        }
        try (InputStream in = fs.open(file)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** Copies a local folder to {@code target}, which must not exist. */
    void copyFromLocal(java.nio.file.Path localFolder, Path target) throws IOException {
        FileSystem local = FileSystem.getLocal(conf).getRawFileSystem();
        if (!FileUtil.copy(local, new Path(localFolder.toUri()), fs, target, false, conf)) {
            throw new IOException(target + ": copying " + localFolder + " failed");
        }
    }

    /**
     * Renames {@code from} to {@code to} unless {@code to} exists.
     *
     * @return false when {@code to} exists (nothing moved)
     */
    boolean renameUnlessExists(Path from, Path to) throws IOException {
        if (isLocal()) {
            java.nio.file.Path target = Paths.get(to.toUri());
            try {
                // rename(2) refuses to replace a folder that holds files.
                Files.move(Paths.get(from.toUri()), target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileSystemException e) {
                if (Files.exists(target)) {
                    return false;
                }
                throw e;
            }
        }
        try {
            FileContext.getFileContext(root.toUri(), conf).rename(from, to, Options.Rename.NONE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Deletes a file or folder tree, if it exists. */
    void delete(Path path) throws IOException {
        fs.delete(path, true);
    }

    /** Writes a small text file whole: under a temporary name, then renamed over the old one. */
    void writeText(String name, String text) throws IOException {
        fs.mkdirs(root);
        Path target = new Path(root, name);
        Path temp = new Path(root, "." + name + ".part");
        try (OutputStream out = fs.create(temp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (isLocal()) {
            Files.move(Paths.get(temp.toUri()), Paths.get(target.toUri()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } else {
            FileContext.getFileContext(root.toUri(), conf).rename(temp, target, Options.Rename.OVERWRITE);
        }
    }

    private boolean isLocal() {
        return "file".equals(root.toUri().getScheme());
    }
}
