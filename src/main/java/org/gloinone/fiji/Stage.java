package org.gloinone.fiji;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.gloinone.model.Task;

/** The four runnable menu commands and the pipeline tasks each one runs. */
public enum Stage {
    DETECT("Detect Glomeruli", EnumSet.of(Task.DETECT)),
    CLASSIFY("Classify Glomeruli", EnumSet.of(Task.CLASSIFY)),
    SEGMENT("Segment Glomeruli", EnumSet.of(Task.SEGMENT)),
    ALL_IN_ONE("All-in-One", EnumSet.allOf(Task.class));

    private final String command;
    private final Set<Task> tasks;

    Stage(String command, Set<Task> tasks) {
        this.command = command;
        this.tasks = tasks;
    }

    /** The menu label, which is also the macro command: {@code run("<command>", "...")}. */
    public String command() {
        return command;
    }

    /** The pipeline tasks this command runs. */
    public Set<Task> tasks() {
        return EnumSet.copyOf(tasks);
    }

    /** True for stages that start from given circles (ROI Manager or an annotation file). */
    public boolean needsCircles() {
        return this == CLASSIFY || this == SEGMENT;
    }

    /** The stage whose plugin argument or command label is {@code word} ({@code detect}, {@code all}...). */
    public static Stage parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.equals("all")) {
            return ALL_IN_ONE;
        }
        for (Stage s : values()) {
            if (s.name().equalsIgnoreCase(w) || s.command.equalsIgnoreCase(w)) {
                return s;
            }
        }
        throw new IllegalArgumentException("stage must be detect, classify, segment or all, got '" + word + "'");
    }
}
