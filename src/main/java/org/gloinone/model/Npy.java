package org.gloinone.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files holding float32 arrays, little endian, C order
 * (format versions 1.0-3.0 read, 1.0 written). bioimage.io test tensors use this format.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Refuse headers and tensors beyond these: a test tensor is small, a huge one is a broken or hostile file. */
    private static final int MAX_HEADER = 64 * 1024;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a float32 array.
     *
     * @throws ModelException naming the file if it is not a little-endian, C-order float32 .npy
     */
    public static FloatTensor read(Path file) throws ModelException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8 || !startsWithMagic(magic)) {
                throw new ModelException(file + ": not a .npy file (bad magic)");
            }
            int major = magic[6];
            int headerLength;
            if (major == 1) {
                headerLength = littleEndian(in.readNBytes(2), file);
            } else if (major == 2 || major == 3) {
                headerLength = littleEndian(in.readNBytes(4), file);
            } else {
                throw new ModelException(file + ": unsupported .npy format version " + major);
            }
            if (headerLength < 0 || headerLength > MAX_HEADER) {
                throw new ModelException(file + ": .npy header length " + headerLength + " is out of range");
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length != headerLength) {
                throw new ModelException(file + ": .npy header is truncated");
            }
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, file, "descr");
            if (!descr.equals("<f4") && !descr.equals("=f4")) {
                throw new ModelException(file + ": .npy dtype must be little-endian float32 '<f4', got '" + descr + "'");
            }
            if (group(FORTRAN, header, file, "fortran_order").equals("True")) {
                throw new ModelException(file + ": .npy must be in C order, got fortran_order True");
            }
            long[] shape = parseShape(group(SHAPE, header, file, "shape"), file);
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
                if (n > MAX_VALUES) {
                    throw new ModelException(file + ": .npy array is too large to read");
                }
            }
            byte[] raw = in.readNBytes(Math.toIntExact(n * 4));
            if (raw.length != n * 4) {
                throw new ModelException(file + ": .npy data is truncated: expected " + n * 4 + " bytes, got " + raw.length);
            }
            float[] data = new float[(int) n];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            return new FloatTensor(shape, data);
        } catch (IOException | ArithmeticException e) {
            throw new ModelException(file + ": cannot read .npy: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a float32 array (format 1.0), first to a temporary file in the same folder, then renamed.
     *
     * @throws ModelException naming the file if it cannot be written
     */
    public static void write(Path file, FloatTensor tensor) throws ModelException {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < tensor.rank(); i++) {
            shape.append(tensor.shape()[i]);
            if (tensor.rank() == 1 || i < tensor.rank() - 1) {
                shape.append(',');
            }
            if (i < tensor.rank() - 1) {
                shape.append(' ');
            }
        }
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (")
                .append(shape).append("), }");
        // Pad with spaces so that the data starts on a multiple of 64 bytes, ending the header with '\n'.
        int total = MAGIC.length + 2 + 2 + header.length() + 1;
        header.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer data = ByteBuffer.allocate(tensor.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(tensor.data());
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(MAGIC);
                out.write(new byte[] {1, 0, (byte) (headerBytes.length & 0xff), (byte) (headerBytes.length >>> 8)});
                out.write(headerBytes);
                out.write(data.array());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ModelException(file + ": cannot write .npy: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the write already failed; that error is the one reported
        }
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int littleEndian(byte[] b, Path file) throws ModelException {
        if (b.length != 2 && b.length != 4) {
            throw new ModelException(file + ": .npy header is truncated");
        }
        int v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    private static String group(Pattern p, String header, Path file, String key) throws ModelException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new ModelException(file + ": .npy header has no '" + key + "': " + header.trim());
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, Path file) throws ModelException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                long d = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (d < 0) {
                    throw new NumberFormatException("negative");
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new ModelException(file + ": .npy shape has a bad dimension '" + t + "'", e);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
