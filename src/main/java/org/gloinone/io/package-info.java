/**
 * Result files: ImageScope XML, GeoJSON, CSV tables, ImageJ ROI sets, patches, overlays and run manifests.
 */
package org.gloinone.io;
