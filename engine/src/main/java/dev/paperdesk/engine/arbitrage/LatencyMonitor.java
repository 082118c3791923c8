package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.market.sim.LatencyProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Polls each venue's server time (every 100 ms of engine time) and keeps a rolling average of
 * {@code latency = local time − server time} over a window (10 s), flagging a venue stale while the
 * average exceeds the limit (200 ms).
 *
 * <p>The simulated venues answer with their clock as it was one sampled {@link LatencyProfile}
 * delay ago, so a poll at engine time {@code t} reads {@code t − delay}. Each venue draws from its
 * own stream seeded by the settings' seed and the venue name: runs are deterministic per seed.
 */
public final class LatencyMonitor {
    /** How often each venue is polled. */
    public static final long POLL_NANOS = 100_000_000L;

    /** The rolling window of the average. */
    public static final long WINDOW_NANOS = 10_000_000_000L;

    private final double staleMillis;
    private final Map<String, Venue> venues = new LinkedHashMap<>();

    /** One latency profile per venue name, in display order. */
    public LatencyMonitor(Map<String, LatencyProfile> profiles, double staleMillis, long seed) {
        this.staleMillis = staleMillis;
        for (Map.Entry<String, LatencyProfile> e : profiles.entrySet()) {
            venues.put(e.getKey(), new Venue(e.getKey(), e.getValue(), seed));
        }
    }

    /** A change of a venue's staleness found by a poll. */
    public record Transition(VenueLatency reading, boolean becameStale) {}

    /** Polls every venue at engine time {@code nowNanos}; returns the venues whose staleness changed. */
    public List<Transition> poll(long nowNanos) {
        List<Transition> changed = new ArrayList<>();
        for (Venue v : venues.values()) {
            long delay = Math.round(v.profile.sampleMillis(v.random) * 1_000_000.0);
            long server = nowNanos - delay;
            v.record(nowNanos, server);
            boolean stale = v.average() > staleMillis;
            if (stale != v.stale) {
                v.stale = stale;
                changed.add(new Transition(v.reading(stale), stale));
            }
        }
        return changed;
    }

    /** Whether the venue's rolling latency is above the limit (unknown venues count as stale). */
    public boolean isStale(String venue) {
        Venue v = venues.get(venue);
        return v == null || v.stale;
    }

    /** Whether any monitored venue is stale. */
    public boolean anyStale() {
        return venues.values().stream().anyMatch(v -> v.stale);
    }

    /** The stale venues, in display order. */
    public List<String> staleVenues() {
        return venues.values().stream().filter(v -> v.stale).map(v -> v.name).toList();
    }

    /** Whether every monitored venue is stale. */
    public boolean allStale() {
        return !venues.isEmpty() && venues.values().stream().allMatch(v -> v.stale);
    }

    /** The rolling average latency of a venue in milliseconds (0 before the first poll). */
    public double averageMillis(String venue) {
        Venue v = venues.get(venue);
        return v == null ? 0 : v.average();
    }

    /** The latest reading of every venue, in display order. */
    public List<VenueLatency> readings() {
        return venues.values().stream().map(v -> v.reading(v.stale)).toList();
    }

    public double staleMillis() {
        return staleMillis;
    }

    private static final class Venue {
        final String name;
        final LatencyProfile profile;
        final SplittableRandom random;
        final int capacity = (int) (WINDOW_NANOS / POLL_NANOS);
        final double[] samples = new double[capacity];
        int count;
        int next;
        double sum;
        long lastLocal;
        long lastServer;
        double lastMillis;
        boolean stale;

        Venue(String name, LatencyProfile profile, long seed) {
            this.name = name;
            this.profile = profile;
            this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ fnv1a("latency:" + name));
        }

        void record(long local, long server) {
            double ms = (local - server) / 1_000_000.0;
            if (count == capacity) {
                sum -= samples[next];
            } else {
                count++;
            }
            samples[next] = ms;
            sum += ms;
            next = (next + 1) % capacity;
            lastLocal = local;
            lastServer = server;
            lastMillis = ms;
        }

        double average() {
            return count == 0 ? 0 : Math.max(0, sum / count);
        }

        VenueLatency reading(boolean isStale) {
            return new VenueLatency(name, lastServer, lastLocal, lastMillis, average(), isStale);
        }
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (char c : s.toCharArray()) {
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
