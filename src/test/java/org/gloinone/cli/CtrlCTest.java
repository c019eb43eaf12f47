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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a running {@code glo-in-one run}, as a real subprocess receiving SIGINT. */
class CtrlCTest {

    @Test
    void sigintLeavesNoPartialFolder(@TempDir Path out) throws Exception {
        assumeTrue(Files.isDirectory(RunCommandTest.MODELS.resolve("detector")), "the bundled models are not in models/ yet");
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send SIGINT");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                GloInOne.class.getName(), "run", RunCommandTest.SAMPLE.toString(), "-o", out.toString(),
                "--models", RunCommandTest.MODELS.toString(), "--threads", "1")
                .redirectErrorStream(true).start();
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
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".partial")), names + "\n" + log);
            assertFalse(names.contains("kidney-pas-mosaic"), "an interrupted slide must leave no folder: " + names);
        }
    }
}
