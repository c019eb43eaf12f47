package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Unpacking refuses archives that escape the folder, hold links or are too large. */
class SafeUnzipTest {
    @TempDir
    Path dir;

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path z = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(z); ZipOutputStream out = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return z;
    }

    @Test
    void unpacksAnOrdinaryArchive() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pkg/rdf.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8));
        entries.put("pkg/saved_model/variables/variables.index", new byte[] {1, 2, 3});
        Path target = dir.resolve("out");
        SafeUnzip.DEFAULT.unpack(zip("ok.zip", entries), target);
        assertEquals("a: 1\n", Files.readString(target.resolve("pkg/rdf.yaml")));
        assertEquals(3, Files.size(target.resolve("pkg/saved_model/variables/variables.index")));
    }

    @Test
    void refusesEntriesLeavingTheFolder() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pkg/rdf.yaml", new byte[] {1});
        entries.put("pkg/../../evil.txt", new byte[] {2});
        Path target = dir.resolve("out");
        ModelException e = assertThrows(ModelException.class,
                () -> SafeUnzip.DEFAULT.unpack(zip("slip.zip", entries), target));
        assertTrue(e.getMessage().contains("slip.zip: entry 'pkg/../../evil.txt' leaves the package folder"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertFalse(Files.exists(target.resolve("pkg/rdf.yaml")), "nothing is written from a refused archive");
    }

    @Test
    void refusesAbsoluteEntries() throws Exception {
        ModelException e = assertThrows(ModelException.class,
                () -> SafeUnzip.DEFAULT.unpack(zip("abs.zip", Map.of("/etc/evil", new byte[] {1})), dir.resolve("o")));
        assertTrue(e.getMessage().contains("has an absolute path"), e.getMessage());
    }

    @Test
    void refusesSymbolicLinks() throws Exception {
        Path z = zip("link.zip", Map.of("pkg/link", "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
        markFirstEntryAsUnixSymlink(z);
        ModelException e = assertThrows(ModelException.class, () -> SafeUnzip.DEFAULT.unpack(z, dir.resolve("o")));
        assertTrue(e.getMessage().contains("entry 'pkg/link' is a symbolic link"), e.getMessage());
    }

    @Test
    void refusesTooLargeEntriesWhateverTheHeadersSay() throws Exception {
        Path z = zip("big.zip", Map.of("pkg/big.bin", new byte[5000]));
        ModelException e = assertThrows(ModelException.class,
                () -> new SafeUnzip(10, 1000, 100_000).unpack(z, dir.resolve("o")));
        assertTrue(e.getMessage().contains("entry 'pkg/big.bin' unpacks to more than 1000 bytes"), e.getMessage());
    }

    @Test
    void refusesTooManyEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("pkg/f" + i, new byte[] {1});
        }
        ModelException e = assertThrows(ModelException.class,
                () -> new SafeUnzip(4, 1000, 100_000).unpack(zip("many.zip", entries), dir.resolve("o")));
        assertTrue(e.getMessage().contains("more than 4 entries"), e.getMessage());
    }

    /** Sets "made by Unix" and mode 0120777 (a link) in the central directory, as Info-ZIP's {@code zip -y} does. */
    private static void markFirstEntryAsUnixSymlink(Path z) throws IOException {
        byte[] b = Files.readAllBytes(z);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= b.length; i++) {
            if (buf.getInt(i) == 0x02014b50) {
                buf.putShort(i + 4, (short) (3 << 8 | 30));
                buf.putInt(i + 38, 0120777 << 16);
                Files.write(z, b);
                return;
            }
        }
        throw new IOException("no central directory header");
    }
}
