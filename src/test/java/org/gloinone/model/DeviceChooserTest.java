package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/** Device choice and session configuration; the GPU path itself needs a CUDA machine. */
class DeviceChooserTest {
    @Test
    void cpuConfigurationHidesGpusAndSetsThreads() throws Exception {
        assertEquals(Device.CPU, DeviceChooser.choose(Device.CPU));
        ConfigProto c = DeviceChooser.sessionConfig(Device.CPU, 3, 2);
        assertEquals(0, c.getDeviceCountOrThrow("GPU"));
        assertEquals(3, c.getIntraOpParallelismThreads());
        assertEquals(2, c.getInterOpParallelismThreads());
        ConfigProto g = DeviceChooser.sessionConfig(Device.GPU, 0, 0);
        assertTrue(g.getGpuOptions().getAllowGrowth());
        assertEquals(0, g.getDeviceCountCount());
    }

    @Test
    void withoutAGpuAutoFallsBackAndGpuFailsClearly() throws Exception {
        Assumptions.assumeTrue(DeviceChooser.whyNoGpu().isPresent(), "a GPU is usable on this machine");
        assertEquals(Device.CPU, DeviceChooser.choose(Device.AUTO));
        ModelException e = assertThrows(ModelException.class, () -> DeviceChooser.choose(Device.GPU));
        assertTrue(e.getMessage().startsWith("device gpu: no usable GPU ("), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -Pgpu"), e.getMessage());
    }

    @Test
    void threadCountsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PredictorOptions(Device.CPU, -1, 0, false));
        assertEquals("intra-op threads must be in [0, 1024], got -1", e.getMessage());
    }
}
