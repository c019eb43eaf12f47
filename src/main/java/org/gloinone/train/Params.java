package org.gloinone.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The named float variables of one graph: network weights, batch-norm statistics and optimizer slots.
 * Values are set from Java (seeded initial values, a checkpoint, or a trained snapshot), so a network can be
 * rebuilt in a fresh inference-only graph with the same names and loaded with the trained values.
 */
public final class Params {

    /** What a variable is for; only {@link #WEIGHT} is trained, {@link #OPTIMIZER} is never exported. */
    public enum Kind { WEIGHT, STATISTIC, OPTIMIZER }

    private record Entry(Variable<TFloat32> variable, long[] shape, Kind kind, Placeholder<TFloat32> feed,
                         Op assign, float[] initial) { }

    private final Ops tf;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Creates an empty store that adds its variables to the graph of {@code tf}. */
    public Params(Ops tf) {
        this.tf = tf;
    }

    /**
     * Returns the variable called {@code name}, creating it with the given shape and initial values when it
     * does not exist yet (so a training and an evaluation branch of one graph share it).
     */
    public Variable<TFloat32> get(String name, long[] shape, Kind kind, Supplier<float[]> initial) {
        Entry e = entries.get(name);
        if (e != null) {
            if (!java.util.Arrays.equals(e.shape, shape)) {
                throw new IllegalArgumentException("variable " + name + " exists with another shape");
            }
            return e.variable;
        }
        float[] init = initial.get();
        if (init.length != size(shape)) {
            throw new IllegalArgumentException("variable " + name + ": " + init.length + " initial values for "
                    + Shape.of(shape));
        }
        // graph op names may not contain '/', which separates the parts of a variable's name here
        String opName = name.replace('/', '.');
        Variable<TFloat32> v = tf.withName(opName).variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> feed = tf.withName(opName + "_feed").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(shape)));
        Op assign = tf.withName(opName + "_assign").assign(v, feed);
        entries.put(name, new Entry(v, shape.clone(), kind, feed, assign, init));
        return v;
    }

    /** The trainable weights, in creation order. */
    public List<Variable<TFloat32>> weights() {
        List<Variable<TFloat32>> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.kind == Kind.WEIGHT) {
                out.add(e.variable);
            }
        }
        return out;
    }

    /** Names of all variables, in creation order. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    /** Number of trainable scalars. */
    public long weightCount() {
        long n = 0;
        for (Entry e : entries.values()) {
            if (e.kind == Kind.WEIGHT) {
                n += size(e.shape);
            }
        }
        return n;
    }

    /** Sets every variable to its initial value. */
    public void initialize(Session session) {
        Map<String, float[]> init = new LinkedHashMap<>();
        entries.forEach((k, e) -> init.put(k, e.initial));
        load(session, init, true);
    }

    /**
     * Sets variables from {@code values} by name. With {@code complete}, every variable must be present;
     * otherwise missing ones keep their value (used to load weights into an inference graph).
     */
    public void load(Session session, Map<String, float[]> values, boolean complete) {
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            float[] v = values.get(me.getKey());
            Entry e = me.getValue();
            if (v == null) {
                if (complete) {
                    throw new IllegalArgumentException("no value for variable " + me.getKey());
                }
                continue;
            }
            if (v.length != size(e.shape)) {
                throw new IllegalArgumentException("variable " + me.getKey() + " expects " + size(e.shape)
                        + " values, got " + v.length);
            }
            try (TFloat32 t = Tensors.floats(v, e.shape)) {
                session.runner().feed(e.feed, t).addTarget(e.assign).run().close();
            }
        }
    }

    /** Reads the current values of all variables, or of those of the given kinds. */
    public Map<String, float[]> values(Session session, Kind... kinds) {
        List<Kind> wanted = kinds.length == 0 ? List.of(Kind.values()) : List.of(kinds);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            if (!wanted.contains(me.getValue().kind)) {
                continue;
            }
            try (var r = session.runner().fetch(me.getValue().variable).run()) {
                out.put(me.getKey(), Tensors.toFloats((TFloat32) r.get(0)));
            }
        }
        return out;
    }

    /** Writes named values to {@code file} (temporary name, then atomic rename). */
    public static void write(Map<String, float[]> values, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(values.size());
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads values written by {@link #write}. */
    public static Map<String, float[]> read(Path file) throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                values.put(name, v);
            }
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated checkpoint", e);
        }
        return values;
    }

    static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
