package org.gloinone.io;

import ij.gui.Roi;
import picocli.CommandLine;

/** A core class that breaks the layers on purpose, for {@code ArchitectureTest}; never used. */
final class ForbiddenReferenceSample {
    private ForbiddenReferenceSample() {
    }

    static Object everythingItMustNotReference() {
        return new Roi(0, 0, 1, 1).toString() + new CommandLine(new Object()).getCommandName();
    }
}
