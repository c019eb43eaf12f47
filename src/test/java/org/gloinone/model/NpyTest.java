package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** float32 .npy files as NumPy writes and reads them. */
class NpyTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsShapeAndValues() throws Exception {
        FloatTensor t = new FloatTensor(new long[] {2, 3}, new float[] {1.5f, -2f, 0f, Float.MAX_VALUE, 1e-7f, 42f});
        Path f = dir.resolve("t.npy");
        Npy.write(f, t);
        FloatTensor back = Npy.read(f);
        assertArrayEquals(t.shape(), back.shape());
        assertArrayEquals(t.data(), back.data());
        // NumPy's layout: the data starts on a 64-byte boundary after a 10-byte preamble and the header.
        assertEquals(0, (Files.size(f) - 6 * 4) % 64);
        String header = new String(Files.readAllBytes(f), 10, 60, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
    }

    @Test
    void oneDimensionalShapeHasATrailingComma() throws Exception {
        Path f = dir.resolve("v.npy");
        Npy.write(f, new FloatTensor(new long[] {3}, new float[] {1, 2, 3}));
        assertTrue(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("'shape': (3,)"));
        assertArrayEquals(new long[] {3}, Npy.read(f).shape());
    }

    @Test
    void readsAHeaderWrittenByNumPyWithOtherKeyOrder() throws Exception {
        Path f = dir.resolve("np.npy");
        Files.write(f, npy("{'shape': (1, 2), 'fortran_order': False, 'descr': '<f4', }", 1f, 2f));
        FloatTensor t = Npy.read(f);
        assertArrayEquals(new long[] {1, 2}, t.shape());
        assertArrayEquals(new float[] {1f, 2f}, t.data());
    }

    @Test
    void refusesOtherTypesAndOrders() throws Exception {
        Path f = dir.resolve("f8.npy");
        Files.write(f, npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 0f, 0f));
        ModelException e = assertThrows(ModelException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("f8.npy: .npy dtype must be little-endian float32 '<f4', got '<f8'"),
                e.getMessage());
        Path g = dir.resolve("fortran.npy");
        Files.write(g, npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", 0f, 0f));
        assertTrue(assertThrows(ModelException.class, () -> Npy.read(g)).getMessage().contains("C order"));
    }

    @Test
    void refusesTruncatedData() throws Exception {
        Path f = dir.resolve("short.npy");
        Files.write(f, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 1f));
        assertTrue(assertThrows(ModelException.class, () -> Npy.read(f)).getMessage().contains("truncated"));
    }

    private static byte[] npy(String header, float... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String padded = header + "\n";
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
            (byte) padded.length(), (byte) (padded.length() >> 8)});
        out.writeBytes(padded.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        out.writeBytes(b.array());
        return out.toByteArray();
    }
}
