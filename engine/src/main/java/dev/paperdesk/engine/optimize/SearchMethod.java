package dev.paperdesk.engine.optimize;

/** How candidates are chosen from the parameter grid. */
public sealed interface SearchMethod {
    /** {@code grid} or {@code random}. */
    String name();

    /** Every combination of the ranges' values, the first range varying slowest. */
    record Grid() implements SearchMethod {
        @Override
        public String name() {
            return "grid";
        }
    }

    /**
     * {@code samples} distinct grid points drawn uniformly with a generator seeded by {@code seed}, in
     * the order drawn; the whole grid (in grid order) when it has no more points than that.
     */
    record Random(int samples, long seed) implements SearchMethod {
        public Random {
            if (samples < 1) {
                throw new IllegalArgumentException("random search needs at least 1 sample, not " + samples);
            }
        }

        @Override
        public String name() {
            return "random";
        }
    }
}
