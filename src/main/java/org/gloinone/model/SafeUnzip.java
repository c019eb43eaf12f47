package org.gloinone.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zipped model package without trusting it: every entry must stay inside the target folder
 * (no "zip slip" through {@code ..} or absolute names), symbolic links are refused, and the number of
 * entries and the unpacked sizes are bounded, whatever the zip's headers claim.
 *
 * @param maxEntries    most entries accepted
 * @param maxEntryBytes most bytes one entry may unpack to
 * @param maxTotalBytes most bytes all entries together may unpack to
 */
public record SafeUnzip(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
    /** Limits generous for a model package (a detector SavedModel is tens of MB) and far below a zip bomb. */
    public static final SafeUnzip DEFAULT = new SafeUnzip(10_000, 4L << 30, 8L << 30);

    /** Unix file type bits of a symbolic link in a zip entry's external attributes. */
    private static final int UNIX_TYPE_MASK = 0170000;
    private static final int UNIX_SYMLINK = 0120000;

    public SafeUnzip {
        Checks.positive("maxEntries", maxEntries);
        Checks.positive("maxEntryBytes", maxEntryBytes);
        Checks.positive("maxTotalBytes", maxTotalBytes);
    }

    /**
     * Unpacks {@code zip} into the empty or new folder {@code target}.
     *
     * @throws ModelException naming the zip and the entry if the archive is unsafe or unreadable
     */
    public void unpack(Path zip, Path target) throws ModelException {
        Path root;
        try {
            Files.createDirectories(target);
            root = target.toRealPath();
        } catch (IOException e) {
            throw new ModelException(target + ": cannot create the folder to unpack " + zip + ": " + e.getMessage(), e);
        }
        long total = 0;
        int count = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            // Check every name before writing anything, so a hostile archive leaves nothing behind.
            Set<String> links = symlinkEntries(zip);
            for (Enumeration<? extends ZipEntry> en = file.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (++count > maxEntries) {
                    throw new ModelException(zip + ": more than " + maxEntries + " entries; refusing to unpack");
                }
                resolveInside(zip, root, e);
                if (links.contains(e.getName())) {
                    throw new ModelException(zip + ": entry '" + e.getName() + "' is a symbolic link; refusing to unpack");
                }
            }
            byte[] buffer = new byte[1 << 16];
            for (Enumeration<? extends ZipEntry> en = file.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                Path out = resolveInside(zip, root, e);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                long written = 0;
                try (InputStream in = file.getInputStream(e);
                     OutputStream os = Files.newOutputStream(out)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        written += n;
                        total += n;
                        if (written > maxEntryBytes) {
                            throw new ModelException(zip + ": entry '" + e.getName() + "' unpacks to more than "
                                    + maxEntryBytes + " bytes; refusing to unpack");
                        }
                        if (total > maxTotalBytes) {
                            throw new ModelException(zip + ": unpacks to more than " + maxTotalBytes
                                    + " bytes; refusing to unpack");
                        }
                        os.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            throw new ModelException(zip + ": cannot unpack: " + e.getMessage(), e);
        }
    }

    private static Path resolveInside(Path zip, Path root, ZipEntry e) throws ModelException {
        String name = e.getName().replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw new ModelException(zip + ": entry '" + e.getName() + "' has an absolute path; refusing to unpack");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new ModelException(zip + ": entry '" + e.getName() + "' leaves the package folder; "
                        + "refusing to unpack");
            }
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root) || out.equals(root) && !e.isDirectory()) {
            throw new ModelException(zip + ": entry '" + e.getName() + "' leaves the package folder; refusing to unpack");
        }
        return out;
    }

    /**
     * The names of entries whose Unix mode says "symbolic link". java.util.zip does not expose the external
     * file attributes where zip writers store that mode, so read them from the central directory.
     */
    static Set<String> symlinkEntries(Path zip) throws IOException {
        Set<String> links = new HashSet<>();
        try (FileChannel ch = FileChannel.open(zip)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, 22 + 65535);
            ByteBuffer tail = readAt(ch, size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException("no end of central directory record");
            }
            long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if ((cdSize == 0xffffffffL || cdOffset == 0xffffffffL) && eocd >= 20
                    && tail.getInt(eocd - 20) == 0x07064b50) {
                long zip64Eocd = tail.getLong(eocd - 20 + 8);
                ByteBuffer z = readAt(ch, zip64Eocd, 56);
                cdSize = z.getLong(40);
                cdOffset = z.getLong(48);
            }
            if (cdSize > Integer.MAX_VALUE || cdOffset + cdSize > size) {
                throw new IOException("central directory out of range");
            }
            ByteBuffer cd = readAt(ch, cdOffset, (int) cdSize);
            int i = 0;
            while (i + 46 <= cd.limit() && cd.getInt(i) == 0x02014b50) {
                int madeBy = (cd.getShort(i + 4) & 0xffff) >>> 8;
                int nameLength = cd.getShort(i + 28) & 0xffff;
                int extraLength = cd.getShort(i + 30) & 0xffff;
                int commentLength = cd.getShort(i + 32) & 0xffff;
                int unixMode = cd.getInt(i + 38) >>> 16;
                if (i + 46 + nameLength > cd.limit()) {
                    throw new IOException("truncated central directory");
                }
                byte[] name = new byte[nameLength];
                cd.get(i + 46, name);
                if (madeBy == 3 && (unixMode & UNIX_TYPE_MASK) == UNIX_SYMLINK) {
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
                i += 46 + nameLength + extraLength + commentLength;
            }
        }
        return links;
    }

    private static ByteBuffer readAt(FileChannel ch, long position, int length)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b.flip();
    }
}
