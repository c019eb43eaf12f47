package org.gloinone.model;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.types.TFloat32;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the requested {@link Device} into the one TensorFlow will use, and the session configuration for it.
 * A GPU counts as usable when TensorFlow can place an operation on {@code /device:GPU:0} without soft
 * placement, which needs the GPU build of the natives ({@code mvn -Pgpu}), CUDA and a GPU.
 */
public final class DeviceChooser {
    private static final System.Logger LOG = System.getLogger(DeviceChooser.class.getName());
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    private DeviceChooser() {
    }

    /**
     * The device to run on: {@code CPU} or {@code GPU}, never {@code AUTO}.
     *
     * @throws ModelException if {@code GPU} was asked for and none is usable, saying why
     */
    public static Device choose(Device requested) throws ModelException {
        return switch (requested) {
            case CPU -> Device.CPU;
            case GPU -> {
                Optional<String> why = whyNoGpu();
                if (why.isPresent()) {
                    throw new ModelException("device gpu: no usable GPU (" + why.get() + "). The GPU needs the "
                            + "CUDA build of TensorFlow Java (build with 'mvn -Pgpu package') on a machine with an "
                            + "NVIDIA GPU and driver; use --device cpu or auto");
                }
                yield Device.GPU;
            }
            case AUTO -> {
                Optional<String> why = whyNoGpu();
                if (why.isPresent()) {
                    // Each network asks; one line per program run is enough.
                    if (!FALLBACK_LOGGED.getAndSet(true)) {
                        LOG.log(System.Logger.Level.INFO, "device auto: no usable GPU, running on the CPU");
                    }
                    yield Device.CPU;
                }
                yield Device.GPU;
            }
        };
    }

    /** Empty when a GPU is usable, else TensorFlow's reason in a few words. */
    public static Optional<String> whyNoGpu() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder()
                    .deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
            Operand<TFloat32> probe = tf.math.add(tf.constant(1f), tf.constant(2f));
            ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false)
                    .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true)).build();
            try (Session s = new Session(g, strict); Result r = s.runner().fetch(probe).run()) {
                return r.size() == 1 ? Optional.empty() : Optional.of("the probe returned nothing");
            }
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("CUDA is not enabled")) {
                return Optional.of("this TensorFlow build has no CUDA support");
            }
            int nl = m.indexOf('\n');
            return Optional.of(nl > 0 ? m.substring(0, nl) : m);
        }
    }

    /**
     * The session configuration for a chosen device and thread counts. On the CPU the GPU count is 0 so that
     * a CUDA build does not grab GPU memory; on the GPU memory grows as needed and ops without GPU kernels
     * fall back to the CPU.
     */
    public static ConfigProto sessionConfig(Device chosen, int intraOpThreads, int interOpThreads) {
        ConfigProto.Builder b = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads)
                .setAllowSoftPlacement(true);
        if (chosen == Device.GPU) {
            b.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
        } else {
            b.putDeviceCount("GPU", 0);
        }
        return b.build();
    }
}
