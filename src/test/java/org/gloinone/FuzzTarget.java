package org.gloinone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A Jazzer fuzz target of a reader of untrusted input. A plain build replays the committed inputs under
 * {@code src/test/resources/<package>/<TestClass>Inputs/<method>/}; {@code mvn -Pfuzz test} fuzzes each target for
 * {@code maxDuration} (docs/RELIABILITY.md). A target fails on any exception other than the reader's documented
 * refusal, so every finding is a defect to fix, and its input is committed as a regression case.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@FuzzTest(maxDuration = "3m")
public @interface FuzzTarget {
}
