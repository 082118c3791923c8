package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.market.sim.LatencyProfile;
import dev.paperdesk.engine.market.sim.VenueProfile;
import java.util.random.RandomGenerator;

/**
 * The delay between a command leaving the trader (submit, cancel, modify) and its arrival at the
 * venue. Commands to one order arrive in the order they were sent, so a cancel sent after a fill
 * became possible can lose the race with it.
 */
public sealed interface LatencyModel permits LatencyModel.Zero, LatencyModel.Uniform, LatencyModel.VenueProfiles {
    /** One delay in nanoseconds for a command to {@code venue}. */
    long sampleNanos(String venue, RandomGenerator random);

    /** The largest delay this model can produce for {@code venue} ({@link Long#MAX_VALUE} if unbounded). */
    long maxNanos(String venue);

    String spec();

    String describe();

    static LatencyModel parse(String text) {
        return of(ModelSpec.parse(text));
    }

    static LatencyModel of(ModelSpec s) {
        // if/return rather than a switch expression: see FeeModels.parse.
        if (s.name().equals("zero") || s.name().equals("none")) {
            return new Zero();
        }
        if (s.name().equals("uniform")) {
            return new Uniform(s.only("min", "max").number("min", 50), s.number("max", 200));
        }
        if (s.name().equals("venue")) {
            return new VenueProfiles(
                    s.only("fallback-min", "fallback-max").number("fallback-min", 50), s.number("fallback-max", 200));
        }
        throw new IllegalArgumentException("unknown latency model '" + s.name() + "' (known: zero, uniform, venue)");
    }

    /** Commands arrive at once: no race between a cancel and a fill is possible. */
    record Zero() implements LatencyModel {
        @Override
        public long sampleNanos(String venue, RandomGenerator random) {
            return 0;
        }

        @Override
        public long maxNanos(String venue) {
            return 0;
        }

        @Override
        public String spec() {
            return "zero";
        }

        @Override
        public String describe() {
            return "no latency";
        }
    }

    /** Uniformly distributed between {@code minMillis} and {@code maxMillis} (default 50–200 ms). */
    record Uniform(double minMillis, double maxMillis) implements LatencyModel {
        public static final Uniform DEFAULT = new Uniform(50, 200);

        public Uniform {
            if (!(minMillis >= 0) || !(maxMillis >= minMillis) || !Double.isFinite(maxMillis)) {
                throw new IllegalArgumentException(
                        "latency range must satisfy 0 <= min <= max: " + minMillis + "–" + maxMillis);
            }
        }

        @Override
        public long sampleNanos(String venue, RandomGenerator random) {
            double ms = minMillis + (maxMillis - minMillis) * random.nextDouble();
            return Math.round(ms * 1e6);
        }

        @Override
        public long maxNanos(String venue) {
            return Math.round(maxMillis * 1e6);
        }

        @Override
        public String spec() {
            return "uniform(min=" + ModelSpec.num(minMillis) + "ms, max=" + ModelSpec.num(maxMillis) + "ms)";
        }

        @Override
        public String describe() {
            return "uniform " + ModelSpec.num(minMillis) + "–" + ModelSpec.num(maxMillis) + " ms";
        }
    }

    /**
     * Each simulated venue's own round trip (log-normal with spikes, from its {@link VenueProfile});
     * venues the simulator does not know use a uniform fallback.
     */
    record VenueProfiles(double fallbackMinMillis, double fallbackMaxMillis) implements LatencyModel {
        public VenueProfiles {
            new Uniform(fallbackMinMillis, fallbackMaxMillis);
        }

        private static LatencyProfile profile(String venue) {
            for (VenueProfile v : VenueProfile.all()) {
                if (v.name().equals(venue)) {
                    return v.latency();
                }
            }
            return null;
        }

        @Override
        public long sampleNanos(String venue, RandomGenerator random) {
            LatencyProfile p = profile(venue);
            if (p == null) {
                return new Uniform(fallbackMinMillis, fallbackMaxMillis).sampleNanos(venue, random);
            }
            return Math.round(p.sampleMillis(random) * 1e6);
        }

        @Override
        public long maxNanos(String venue) {
            return profile(venue) == null ? Math.round(fallbackMaxMillis * 1e6) : Long.MAX_VALUE;
        }

        @Override
        public String spec() {
            return "venue(fallback-min=" + ModelSpec.num(fallbackMinMillis) + "ms, fallback-max="
                    + ModelSpec.num(fallbackMaxMillis) + "ms)";
        }

        @Override
        public String describe() {
            return "each venue's latency profile (log-normal with spikes)";
        }
    }
}
