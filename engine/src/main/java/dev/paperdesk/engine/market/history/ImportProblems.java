package dev.paperdesk.engine.market.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one file: keeps the first {@code cap} in file order and counts the
 * rest, so a file with a million bad rows still yields a short, readable report.
 */
final class ImportProblems {
    private final String file;
    private final int cap;
    private final List<ImportProblem> kept = new ArrayList<>();
    private long omitted;

    ImportProblems(String file, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.file = file;
        this.cap = cap;
    }

    void add(long line, int column, String message) {
        if (kept.size() < cap) {
            kept.add(new ImportProblem(file, line, Math.max(1, column), message));
        } else {
            omitted++;
        }
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    List<ImportProblem> kept() {
        return List.copyOf(kept);
    }

    long omitted() {
        return omitted;
    }
}
