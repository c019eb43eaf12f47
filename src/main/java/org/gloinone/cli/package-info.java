/**
 * The {@code glo-in-one} command line (picocli). A front door: it imports the core, never the reverse.
 */
package org.gloinone.cli;
