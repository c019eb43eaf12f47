package org.gloinone.slide.bioformats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

import org.gloinone.slide.SlideException;

/**
 * The few methods of Bio-Formats' {@code loci.formats.IFormatReader} this program uses, called by
 * reflection because Bio-Formats is not on the build's class path (it is present inside Fiji). Any
 * class with the same public method signatures works, which is how the tests exercise this adapter.
 * Not thread-safe: callers serialise access.
 */
final class ReflectiveReader implements AutoCloseable {
    private final Object reader;
    private final Path file;

    private ReflectiveReader(Object reader, Path file) {
        this.reader = reader;
        this.file = file;
    }

    /** Instantiates the reader class with its no-argument constructor. */
    static ReflectiveReader create(Class<?> readerClass, Path file) throws SlideException {
        try {
            return new ReflectiveReader(readerClass.getConstructor().newInstance(), file);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SlideException(file, "cannot create the Bio-Formats reader " + readerClass.getName() + ": " + e, e);
        }
    }

    /** The wrapped reader object. */
    Object target() {
        return reader;
    }

    /** Calls a public method by name and argument types, unwrapping the exception it throws. */
    Object call(String name, Class<?>[] types, Object... args) throws SlideException {
        Method m;
        try {
            m = reader.getClass().getMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new SlideException(file, "the Bio-Formats reader has no method " + name + " (unsupported version?)", e);
        }
        return invoke(m, args);
    }

    /** Calls a public method that takes no argument. */
    Object call(String name) throws SlideException {
        return call(name, new Class<?>[0]);
    }

    /** Calls a public method that takes one int. */
    Object call(String name, int arg) throws SlideException {
        return call(name, new Class<?>[] {int.class}, arg);
    }

    /** Whether the reader has a public method of this name taking these types. */
    boolean has(String name, Class<?>... types) {
        try {
            reader.getClass().getMethod(name, types);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Calls the one-argument method {@code name} whose parameter accepts {@code arg} (e.g. setMetadataStore). */
    void callWithCompatible(String name, Object arg) throws SlideException {
        for (Method m : reader.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0].isInstance(arg)) {
                invoke(m, arg);
                return;
            }
        }
        throw new SlideException(file, "the Bio-Formats reader has no method " + name + " for " + arg.getClass().getName());
    }

    int callInt(String name) throws SlideException {
        return ((Number) call(name)).intValue();
    }

    boolean callBoolean(String name) throws SlideException {
        return (Boolean) call(name);
    }

    private Object invoke(Method m, Object... args) throws SlideException {
        try {
            return m.invoke(reader, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SlideException(file, "Bio-Formats " + m.getName() + " failed: " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new SlideException(file, "cannot call Bio-Formats " + m.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SlideException {
        call("close");
    }
}
