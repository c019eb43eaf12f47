/**
 * Fiji and ImageJ front doors: ImageJ 1 menu plugins, SciJava commands, ROI Manager and table adapters.
 */
package org.gloinone.fiji;
