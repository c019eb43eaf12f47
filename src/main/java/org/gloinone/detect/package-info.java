/**
 * CircleNet detection: tile plans, tissue mask, head decoding and circle non-maximum suppression.
 */
package org.gloinone.detect;
