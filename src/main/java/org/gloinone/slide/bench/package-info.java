/**
 * Speed and memory benchmarks of the slide backends: a main class, not unit tests, whose numbers go
 * into {@code docs/BENCHMARKS.md} with the command that produced them.
 */
package org.gloinone.slide.bench;
