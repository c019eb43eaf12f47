package org.gloinone.eval;

/**
 * How many glomeruli an image holds and how many were reported, the figure a pathologist reads first; where the
 * classes are known, also how many of each are globally sclerosed.
 *
 * @param name            the image
 * @param truth           annotated glomeruli (ignore regions left out)
 * @param found           reported glomeruli: detections at or above the score threshold, less those in ignore
 *                        regions (and less those the classifier rejected, when one ran)
 * @param truthSclerosed  annotated glomeruli that are globally sclerosed, or -1 when the annotation has no classes
 * @param foundSclerosed  reported glomeruli classified as sclerosed, or -1 when no classifier ran
 */
public record ImageCount(String name, int truth, int found, int truthSclerosed, int foundSclerosed) {
    public ImageCount {
        if (truth < 0 || found < 0 || truthSclerosed < -1 || truthSclerosed > truth
                || foundSclerosed < -1 || foundSclerosed > found) {
            throw new IllegalArgumentException("inconsistent counts for " + name + ": " + truth + " true ("
                    + truthSclerosed + " sclerosed), " + found + " found (" + foundSclerosed + " sclerosed)");
        }
    }

    /** An image without classes. */
    public ImageCount(String name, int truth, int found) {
        this(name, truth, found, -1, -1);
    }

    /** Found minus true: positive when glomeruli are over-counted. */
    public int signedError() {
        return found - truth;
    }

    /** The absolute count error. */
    public int absoluteError() {
        return Math.abs(found - truth);
    }

    /** The signed error as a fraction of the truth; NaN for an image without glomeruli. */
    public double relativeError() {
        return truth == 0 ? Double.NaN : (double) (found - truth) / truth;
    }

    /** Whether both the truth and the answer carry classes. */
    public boolean hasClasses() {
        return truthSclerosed >= 0 && foundSclerosed >= 0;
    }

    /** Percent of the annotated glomeruli that are sclerosed; NaN without classes or glomeruli. */
    public double truePercentSclerosed() {
        return truthSclerosed < 0 || truth == 0 ? Double.NaN : 100.0 * truthSclerosed / truth;
    }

    /** Percent of the reported glomeruli classified sclerosed; NaN without a classifier or reported glomeruli. */
    public double foundPercentSclerosed() {
        return foundSclerosed < 0 || found == 0 ? Double.NaN : 100.0 * foundSclerosed / found;
    }

    /** Reported minus true percent sclerosed, in percentage points; NaN where either is undefined. */
    public double percentSclerosedError() {
        return foundPercentSclerosed() - truePercentSclerosed();
    }
}
