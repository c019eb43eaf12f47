package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A defect that escapes a command reaches the user as one line; its stack trace only with --debug. */
class GloInOneTest {
    /** Stands for a command with a defect. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("Illegal Capacity: -1\nsecond line");
        }
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = GloInOne.commandLine().addSubcommand(new Boom());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void aDefectIsOneLineWithoutDebug() {
        String[] r = run("boom");
        assertEquals(String.valueOf(GloInOne.INTERNAL_ERROR), r[0]);
        assertEquals("glo-in-one: internal error (IllegalStateException: Illegal Capacity: -1); run with --debug for "
                + "details" + System.lineSeparator(), r[1]);
    }

    @Test
    void debugShowsTheStackTrace() {
        String[] r = run("boom", "--debug");
        assertTrue(r[1].contains("\tat org.gloinone.cli.GloInOneTest$Boom.call"), r[1]);
        assertFalse(GloInOne.commandLine() == null);
        assertFalse(GloInOne.debug(), "a new command line starts without --debug");
    }
}
