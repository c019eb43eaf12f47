package org.gloinone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains a {@link TrainingTask} with Adam and a cosine learning-rate schedule. One graph holds a training branch
 * and an inference branch sharing the variables; batches are prepared on a second thread while a step runs.
 * After every epoch all variables (optimizer state included) and the epoch count are checkpointed, so a run can
 * be resumed; batch contents and dropout masks depend only on the seed, the epoch and the step, so a resumed run
 * sees the same data and, with the same thread counts ({@link TrainingOptions#reproducible()} fixes them at one),
 * ends with the same weights as one that never stopped.
 */
public final class Trainer {
    private static final String CHECKPOINT = "checkpoint.bin";
    private static final String STATE = "state.properties";

    private final TrainingTask task;
    private final TrainingOptions options;
    private double restoredLoss = Double.NaN;
    private Map<String, float[]> startingWeights = Map.of();

    /** A trainer for {@code task} with {@code options}. */
    public Trainer(TrainingTask task, TrainingOptions options) {
        this.task = task;
        this.options = options;
    }

    /**
     * Starts from {@code weights} (e.g. a pretrained encoder) instead of the seeded initial values for the
     * variables they name; the others keep their seeded values. Every name must be a variable of the network.
     */
    public Trainer startingFrom(Map<String, float[]> weights) {
        this.startingWeights = Map.copyOf(weights);
        return this;
    }

    /** Trains, validates and returns the final weights. */
    public TrainingResult train(TrainingListener listener) throws IOException {
        int size = task.inputSize();
        ConfigProto threads = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(options.intraOpThreads())
                .setInterOpParallelismThreads(options.interOpThreads())
                .setUsePerSessionThreads(options.interOpThreads() > 0)
                .build();
        try (Graph graph = new Graph(); Session session = new Session(graph, threads)) {
            Ops tf = Ops.create(graph);
            Params params = new Params(tf);
            Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            Map<String, Placeholder<TFloat32>> targets = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : task.targetShapes().entrySet()) {
                long[] shape = new long[e.getValue().length + 1];
                shape[0] = -1;
                System.arraycopy(e.getValue(), 0, shape, 1, e.getValue().length);
                targets.put(e.getKey(), tf.withName("target_" + e.getKey()).placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(shape))));
            }
            Layers trainLayers = new Layers(tf.withSubScope("train"), params, true, options.seed());
            Map<String, Operand<TFloat32>> trainOut = task.network(trainLayers, image);
            Operand<TFloat32> loss = task.loss(tf, trainOut, new HashMap<>(targets));
            Layers evalLayers = new Layers(tf.withSubScope("eval"), params, false, options.seed());
            Map<String, Operand<TFloat32>> evalOut = task.network(evalLayers, image);
            AdamOptimizer adam = new AdamOptimizer(graph, tf, params, loss, (float) options.weightDecay(),
                    trainLayers.updates());
            params.initialize(session);
            for (String name : startingWeights.keySet()) {
                if (!params.names().contains(name)) {
                    throw new IllegalArgumentException("starting weights: " + name + " is not a variable of the "
                            + task.task().word() + " network");
                }
            }
            params.load(session, startingWeights, false);

            int stepsPerEpoch = Math.max(1, task.samplesPerEpoch() / options.batchSize());
            int totalSteps = stepsPerEpoch * options.epochs();
            CosineSchedule schedule = new CosineSchedule(options.learningRate(), options.learningRate() / 100,
                    Math.min(stepsPerEpoch, Math.max(1, totalSteps / 20)), Math.max(1, totalSteps));
            int startEpoch = options.resume() ? restore(params, session) : 0;

            Inference inference = (images, n, h, w) -> infer(session, image, evalOut, images, n, h, w);
            Map<String, Double> metrics = Map.of();
            double epochLoss = restoredLoss;
            ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "batch-loader");
                t.setDaemon(true);
                return t;
            });
            try {
                long started = System.nanoTime();
                int stepsDone = 0;
                for (int epoch = startEpoch; epoch < options.epochs(); epoch++) {
                    double sum = 0;
                    double smooth = Double.NaN;
                    CompletableFuture<Batch> next = prepare(loader, epoch, 0);
                    for (int s = 0; s < stepsPerEpoch; s++) {
                        Batch batch = next.join();
                        if (s + 1 < stepsPerEpoch) {
                            next = prepare(loader, epoch, s + 1);
                        }
                        int global = epoch * stepsPerEpoch + s;
                        long[] dropoutSeed = {options.seed(), global};
                        double l = step(session, adam, image, targets, loss, batch, size, schedule.rate(global),
                                trainLayers.dropoutSeed(), dropoutSeed);
                        if (!Double.isFinite(l)) {
                            throw new IllegalStateException("training diverged: loss " + l + " at step " + (global + 1));
                        }
                        sum += l;
                        smooth = Double.isNaN(smooth) ? l : 0.9 * smooth + 0.1 * l;
                        stepsDone++;
                        double perStep = (System.nanoTime() - started) / 1e9 / stepsDone;
                        listener.step(epoch + 1, global + 1, totalSteps, smooth, perStep * (totalSteps - global - 1));
                    }
                    epochLoss = sum / stepsPerEpoch;
                    if (options.checkpointDir() != null) {
                        checkpoint(params, session, epoch + 1, epochLoss);
                    }
                    boolean last = epoch + 1 == options.epochs();
                    metrics = (last || (epoch + 1) % options.validateEvery() == 0)
                            ? task.validate(inference) : Map.of();
                    listener.epoch(epoch + 1, epochLoss, metrics);
                }
            } finally {
                loader.shutdownNow();
            }
            if (startEpoch >= options.epochs()) {
                metrics = task.validate(inference);
            }
            Map<String, float[]> weights = params.values(session, Params.Kind.WEIGHT, Params.Kind.STATISTIC);
            return new TrainingResult(weights, metrics, options.epochs(), stepsPerEpoch * options.epochs(),
                    epochLoss, params.weightCount());
        }
    }

    private CompletableFuture<Batch> prepare(ExecutorService loader, int epoch, int step) {
        long seed = options.seed() * 1_000_003L + epoch * 100_003L + step;
        return CompletableFuture.supplyAsync(() -> task.trainingBatch(new Random(seed), options.batchSize()), loader);
    }

    private static double step(Session session, AdamOptimizer adam, Placeholder<TFloat32> image,
                               Map<String, Placeholder<TFloat32>> targets, Operand<TFloat32> loss, Batch batch,
                               int size, double lr, Optional<Placeholder<TInt64>> dropoutSeed,
                               long[] stepSeed) {
        List<Tensor> feeds = new ArrayList<>();
        try {
            Session.Runner r = session.runner();
            TFloat32 img = Tensors.floats(batch.images(), batch.size(), size, size, 3);
            feeds.add(img);
            r.feed(image, img);
            for (Map.Entry<String, Placeholder<TFloat32>> e : targets.entrySet()) {
                long[] s = e.getValue().shape().asArray();
                s[0] = batch.size();
                float[] v = batch.targets().get(e.getKey());
                if (v == null) {
                    throw new IllegalStateException("batch lacks target " + e.getKey());
                }
                TFloat32 t = Tensors.floats(v, s);
                feeds.add(t);
                r.feed(e.getValue(), t);
            }
            TFloat32 rate = TFloat32.scalarOf((float) lr);
            feeds.add(rate);
            r.feed(adam.learningRate(), rate);
            if (dropoutSeed.isPresent()) {
                TInt64 seed = TInt64.vectorOf(stepSeed);
                feeds.add(seed);
                r.feed(dropoutSeed.get(), seed);
            }
            try (var result = r.fetch(loss).addTarget(adam.step()).run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        } finally {
            feeds.forEach(Tensor::close);
        }
    }

    private static Map<String, float[]> infer(Session session, Placeholder<TFloat32> image,
                                              Map<String, Operand<TFloat32>> outputs, float[] images,
                                              int n, int h, int w) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (TFloat32 img = Tensors.floats(images, n, h, w, 3)) {
            Session.Runner r = session.runner().feed(image, img);
            List<String> names = new ArrayList<>(outputs.keySet());
            names.forEach(k -> r.fetch(outputs.get(k)));
            try (var result = r.run()) {
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), Tensors.toFloats((TFloat32) result.get(i)));
                }
            }
        }
        return out;
    }

    private void checkpoint(Params params, Session session, int epochsDone, double meanLoss) throws IOException {
        Path dir = options.checkpointDir();
        Files.createDirectories(dir);
        Params.write(params.values(session), dir.resolve(CHECKPOINT));
        Properties p = new Properties();
        p.setProperty("epochs_done", Integer.toString(epochsDone));
        p.setProperty("task", task.task().word());
        p.setProperty("seed", Long.toString(options.seed()));
        p.setProperty("last_epoch_loss", Double.toString(meanLoss));
        Path tmp = dir.resolve(STATE + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            p.store(out, "training state");
        }
        Files.move(tmp, dir.resolve(STATE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private int restore(Params params, Session session) throws IOException {
        Path dir = options.checkpointDir();
        Path state = dir.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            throw new IOException(state + ": no checkpoint to resume from");
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(state)) {
            p.load(in);
        }
        if (!task.task().word().equals(p.getProperty("task"))) {
            throw new IOException(state + ": checkpoint is of task '" + p.getProperty("task") + "', not '"
                    + task.task().word() + "'");
        }
        params.load(session, Params.read(dir.resolve(CHECKPOINT)), true);
        try {
            restoredLoss = Double.parseDouble(p.getProperty("last_epoch_loss", "NaN"));
            return Integer.parseInt(p.getProperty("epochs_done", "0"));
        } catch (NumberFormatException e) {
            throw new IOException(state + ": bad epochs_done", e);
        }
    }
}
