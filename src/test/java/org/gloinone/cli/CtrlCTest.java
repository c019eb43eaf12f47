package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gloinone.io.ResultWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a running {@code glo-in-one run}, as a real subprocess receiving SIGINT. */
class CtrlCTest {

    /** Copies of the sample: the run still works when the signal arrives, however fast the first slide goes. */
    private static final int SLIDES = 4;

    @Test
    void sigintLeavesNoPartialFolder(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(RunCommandTest.MODELS.resolve("detector")), "the bundled models are not in models/ yet");
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send SIGINT");
        Path slides = Files.createDirectories(dir.resolve("slides"));
        for (int i = 1; i <= SLIDES; i++) {
            Files.copy(RunCommandTest.SAMPLE, slides.resolve("slide-" + i + ".tif"));
        }
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>();
        if (sigintIgnoredHere()) {
            // A build started in the background of a script ignores SIGINT, and a child inherits that: the JVM
            // would then never see the signal. GNU env can restore the default for the child.
            assumeTrue(runs("env", "--default-signal=INT", "true"),
                    "SIGINT is ignored in this process (a background job) and env(1) cannot restore it");
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                GloInOne.class.getName(), "run", slides.toString(), "-o", out.toString(),
                "--models", RunCommandTest.MODELS.toString(), "--threads", "1"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.append(line).append('\n');
                if (line.contains("detect")) {
                    break; // the slide is being processed
                }
            }
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            while ((line = r.readLine()) != null) {
                log.append(line).append('\n');
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not stop after SIGINT:\n" + log);
        assertEquals(130, p.exitValue(), log.toString());
        try (Stream<Path> left = Files.list(out)) {
            List<String> names = left.map(f -> f.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.contains(ResultWriter.PARTIAL)), names + "\n" + log);
            long finished = names.stream().filter(n -> n.startsWith("slide-")).count();
            assertTrue(finished < SLIDES, "the run was interrupted, so at least one slide has no folder: " + names);
            for (String n : names.stream().filter(n -> n.startsWith("slide-")).toList()) {
                assertTrue(Files.exists(out.resolve(n).resolve("run.json")), "a slide folder is complete: " + n);
            }
        }
    }

    /** Whether SIGINT is ignored in this process (Linux: the SigIgn mask of /proc/self/status; else assumed not). */
    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> (Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0)
                .orElse(false);
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
