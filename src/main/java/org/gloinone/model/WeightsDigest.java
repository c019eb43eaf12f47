package org.gloinone.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of model weights. For a single file it is the file's SHA-256. For a SavedModel folder it is
 * the SHA-256 of, for every regular file in the folder in order of its '/'-separated relative path: the
 * UTF-8 path, a zero byte, the file length as 8 bytes big endian, and the file's bytes. Any change to a
 * file's content, name or the set of files changes the digest.
 */
public final class WeightsDigest {
    private WeightsDigest() {
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
