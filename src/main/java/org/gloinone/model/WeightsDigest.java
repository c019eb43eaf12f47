package org.gloinone.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of model weights. For a single file it is the file's SHA-256. For a SavedModel folder it is
 * the SHA-256 of, for every regular file in the folder in order of its '/'-separated relative path: the
 * UTF-8 path, a zero byte, the file length as 8 bytes big endian, and the file's bytes. Any change to a
 * file's content, name or the set of files changes the digest.
 */
public final class WeightsDigest {
    /** Digests already computed, by weights path, valid while every file keeps its size and modification time. */
    private static final Map<Path, Stamped> CACHE = new ConcurrentHashMap<>();

    private WeightsDigest() {
    }

    /** A digest and the sizes and modification times of the files it was computed from. */
    private record Stamped(String stamp, String digest) {
    }

    /**
     * As {@link #sha256(Path)}, reusing an earlier result for the same path while its files keep their sizes and
     * modification times, so verifying a large model at every load costs one listing.
     *
     * @throws ModelException naming the path if it cannot be read or holds a symbolic link
     */
    public static String cachedSha256(Path weights) throws ModelException {
        Path key = weights.toAbsolutePath().normalize();
        String stamp = stamp(weights);
        Stamped known = CACHE.get(key);
        if (known != null && known.stamp().equals(stamp)) {
            return known.digest();
        }
        String digest = sha256(weights);
        CACHE.put(key, new Stamped(stamp, digest));
        return digest;
    }

    private static String stamp(Path weights) throws ModelException {
        StringBuilder b = new StringBuilder();
        try {
            List<Path> files = Files.isDirectory(weights, LinkOption.NOFOLLOW_LINKS) ? filesOf(weights)
                    : List.of(weights);
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                b.append(f).append('\0').append(a.size()).append('\0').append(a.lastModifiedTime().toMillis())
                        .append('\0').append(a.fileKey()).append('\n');
            }
        } catch (IOException e) {
            throw new ModelException(weights + ": cannot read weights: " + e.getMessage(), e);
        }
        return b.toString();
    }

    /**
     * Computes the digest of a weights file or folder.
     *
     * @return 64 lower-case hex digits
     * @throws ModelException naming the path if it cannot be read or holds a symbolic link
     */
    public static String sha256(Path weights) throws ModelException {
        MessageDigest digest = newDigest();
        try {
            if (Files.isRegularFile(weights, LinkOption.NOFOLLOW_LINKS)) {
                update(digest, weights);
            } else if (Files.isDirectory(weights, LinkOption.NOFOLLOW_LINKS)) {
                for (Path file : filesOf(weights)) {
                    String rel = weights.relativize(file).toString().replace('\\', '/');
                    digest.update(rel.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(ByteBuffer.allocate(8).putLong(Files.size(file)).array());
                    update(digest, file);
                }
            } else {
                throw new ModelException(weights + ": weights not found (or a symbolic link)");
            }
        } catch (IOException e) {
            throw new ModelException(weights + ": cannot read weights: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> filesOf(Path dir) throws IOException, ModelException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    throw new ModelException(p + ": symbolic links are not allowed in model weights");
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        }
        files.sort((a, b) -> dir.relativize(a).toString().replace('\\', '/')
                .compareTo(dir.relativize(b).toString().replace('\\', '/')));
        return files;
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
