package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void plainOutputLogsOncePerDecileAndStage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "a.svs",
                false, now::get);
        p.progress(0.0, "detect: tile 0/10");
        p.progress(0.05, "detect: tile 1/10");
        now.set(10_000_000_000L); // 10 s later
        p.progress(0.5, "detect: tile 5/10");
        p.progress(0.52, "detect: tile 6/10");
        p.progress(0.55, "classify: 1/4");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("|", lines));
        assertEquals("a.svs:   0% detect: tile 0/10", lines[0]);
        assertEquals("a.svs:  50% detect: tile 5/10 ETA 10s", lines[1]);
        assertTrue(lines[2].startsWith("a.svs:  55% classify: 1/4 ETA 8s"), lines[2]);
    }

    @Test
    void interactiveOutputRedrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "b.tif",
                true, () -> 0L);
        p.progress(0.5, "segment: 2/4");
        p.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rb.tif [###############...............]  50% segment: 2/4"), text);
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("42s", TerminalProgress.formatDuration(Duration.ofSeconds(42)));
        assertEquals("3m05s", TerminalProgress.formatDuration(Duration.ofSeconds(185)));
        assertEquals("2h01m", TerminalProgress.formatDuration(Duration.ofSeconds(7260)));
    }
}
