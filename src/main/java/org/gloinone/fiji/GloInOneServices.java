package org.gloinone.fiji;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link GloInOneService} implementation: the seam between the Fiji front doors and the pipeline.
 * Implementations register themselves in {@code META-INF/services/org.gloinone.fiji.GloInOneService};
 * the system property {@value #PROPERTY} names the class to use (registered or not, with a public no-argument
 * constructor).
 * <p>
 * Inside an installed Fiji the implementation is loaded by the {@link IsolatedEngineLoader} over
 * {@code lib/glo-in-one/engine/} (see {@link EngineLocation}), so Fiji's own TensorFlow jars cannot clash with
 * ours, and each call runs with that loader as the thread's context class loader (ImageIO plugins, javacpp and
 * Jackson look classes up there); elsewhere (command line, tests) from the ordinary class path.
 */
public final class GloInOneServices {
    /** System property naming the implementation class to use when several are registered. */
    public static final String PROPERTY = "gloinone.service";

    private GloInOneServices() {
    }

    /**
     * The implementation named by {@value #PROPERTY}, else the first one registered.
     *
     * @throws ServiceUnavailableException when none is installed or the named one is absent
     */
    public static GloInOneService load() {
        String preferred = System.getProperty(PROPERTY, "");
        Optional<ClassLoader> isolated = EngineLocation.isolatedLoader();
        if (isolated.isPresent()) {
            return withContextLoader(load(isolated.get(), preferred), isolated.get());
        }
        return load(GloInOneServices.class.getClassLoader(), preferred);
    }

    /** The class named by the property, when it is not registered: it must implement the facade. */
    private static GloInOneService instantiate(ClassLoader loader, String name, List<String> registered) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            if (!GloInOneService.class.isAssignableFrom(type)) {
                throw new ServiceUnavailableException("the class '" + name + "' named by -D" + PROPERTY
                        + " is not a " + GloInOneService.class.getName());
            }
            return (GloInOneService) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            ServiceUnavailableException failure = new ServiceUnavailableException("the Glo-In-One service '" + name
                    + "' named by -D" + PROPERTY + " cannot be created (" + e + "); registered: " + registered);
            failure.initCause(e);
            throw failure;
        }
    }

    /** {@code service}, each call made with {@code loader} as the calling thread's context class loader. */
    static GloInOneService withContextLoader(GloInOneService service, ClassLoader loader) {
        return (GloInOneService) Proxy.newProxyInstance(GloInOneService.class.getClassLoader(),
                new Class<?>[] {GloInOneService.class}, (proxy, method, args) -> {
                    Thread thread = Thread.currentThread();
                    ClassLoader before = thread.getContextClassLoader();
                    thread.setContextClassLoader(loader);
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        thread.setContextClassLoader(before);
                    }
                });
    }

    /** As {@link #load()}, from the given class loader and with the given preferred class name (may be empty). */
    static GloInOneService load(ClassLoader loader, String preferred) {
        // Providers are looked at by type first, so only the chosen one is instantiated. A registered provider
        // that cannot be loaded (e.g. a class missing from this installation) is noted and skipped.
        List<ServiceLoader.Provider<GloInOneService>> providers = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<ServiceLoader.Provider<GloInOneService>> it =
                ServiceLoader.load(GloInOneService.class, loader).stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        List<String> seen = new ArrayList<>();
        for (ServiceLoader.Provider<GloInOneService> p : providers) {
            seen.add(p.type().getName());
            if (p.type().getName().equals(preferred)) {
                return p.get();
            }
        }
        ServiceLoader.Provider<GloInOneService> first = providers.isEmpty() ? null : providers.get(0);
        if (!preferred.isEmpty()) {
            return instantiate(loader, preferred, seen);
        }
        if (first == null) {
            throw new ServiceUnavailableException("the Glo-In-One pipeline is not installed: no "
                    + GloInOneService.class.getName() + " is registered" + (broken.isEmpty() ? "" : " that loads "
                    + broken) + "; reinstall the Glo-In-One update site");
        }
        return first.get();
    }
}
