package org.gloinone.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link GloInOneService} implementation: the seam between the Fiji front doors and the pipeline.
 * Implementations register themselves in {@code META-INF/services/org.gloinone.fiji.GloInOneService};
 * the system property {@value #PROPERTY} names one class when several are on the class path.
 * <p>
 * Inside an installed Fiji the implementation is loaded by the {@link IsolatedEngineLoader} over
 * {@code jars/glo-in-one/} (see {@link EngineLocation}), so Fiji's own TensorFlow jars cannot clash with ours;
 * elsewhere (command line, tests) from the ordinary class path.
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
        return load(EngineLocation.isolatedLoader().orElse(GloInOneServices.class.getClassLoader()),
                System.getProperty(PROPERTY, ""));
    }

    /** As {@link #load()}, from the given class loader and with the given preferred class name (may be empty). */
    static GloInOneService load(ClassLoader loader, String preferred) {
        List<String> seen = new ArrayList<>();
        GloInOneService first = null;
        for (GloInOneService s : ServiceLoader.load(GloInOneService.class, loader)) {
            String name = s.getClass().getName();
            seen.add(name);
            if (name.equals(preferred)) {
                return s;
            }
            if (first == null) {
                first = s;
            }
        }
        if (!preferred.isEmpty()) {
            throw new ServiceUnavailableException("the Glo-In-One service '" + preferred + "' named by -D"
                    + PROPERTY + " is not installed; installed: " + seen);
        }
        if (first == null) {
            throw new ServiceUnavailableException("the Glo-In-One pipeline is not installed: no "
                    + GloInOneService.class.getName() + " is registered; reinstall the Glo-In-One update site");
        }
        return first;
    }
}
