package org.gloinone.classify;

import java.util.List;

/**
 * The classifier's verdict on one glomerulus.
 *
 * @param className     the most probable class
 * @param classNames    all class names, in the model's order
 * @param probabilities one probability per class, same order, summing to about 1
 */
public record Classification(String className, List<String> classNames, List<Double> probabilities) {
    public Classification {
        classNames = List.copyOf(classNames);
        probabilities = List.copyOf(probabilities);
        if (classNames.size() != probabilities.size()) {
            throw new IllegalArgumentException(classNames.size() + " classes but " + probabilities.size()
                    + " probabilities");
        }
        if (!classNames.contains(className)) {
            throw new IllegalArgumentException("class '" + className + "' is not one of " + classNames);
        }
    }

    /** The probability of {@code name}, or 0 when it is not a class of this model. */
    public double probabilityOf(String name) {
        int i = classNames.indexOf(name);
        return i < 0 ? 0 : probabilities.get(i);
    }

    /** The probability of the chosen class. */
    public double confidence() {
        return probabilityOf(className);
    }
}
