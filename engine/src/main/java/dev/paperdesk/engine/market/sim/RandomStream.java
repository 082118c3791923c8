package dev.paperdesk.engine.market.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A named, seeded stream of random numbers for one part of the simulation.
 *
 * <p>Each stream is derived from the seed and a stable name ({@code "listing:BTC-USDT@binance"}),
 * not from the order in which streams are created, so adding or removing instruments or listeners
 * never changes the numbers another instrument sees. Only {@code StrictMath} and exact operations
 * are used, so the same seed gives bit-identical numbers on every JVM.
 */
final class RandomStream {
    private final SplittableRandom random;

    RandomStream(long seed, String name) {
        this.random = new SplittableRandom(mix64(seed * 0x9E3779B97F4A7C15L ^ fnv1a(name)));
    }

    /** 64-bit FNV-1a over the UTF-8 bytes: stable across JVMs, unlike {@code String.hashCode} mixing. */
    static long fnv1a(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    long nextLong() {
        return random.nextLong();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * A standard normal by the ziggurat method (Marsaglia and Tsang, 2000, 128 layers): about 98% of
     * draws cost one random long and a multiply; the rest fall back to exact rejection with {@code
     * StrictMath}. The layer index and the magnitude come from disjoint bits of the same long.
     */
    double gaussian() {
        long bits = random.nextLong();
        int iz = (int) (bits & 127);
        int hz = (int) (bits >> 32);
        if (Math.abs((long) hz) < KN[iz]) {
            return hz * WN[iz];
        }
        return gaussianTail(hz, iz);
    }

    private double gaussianTail(int hz, int iz) {
        while (true) {
            double x = hz * WN[iz];
            if (iz == 0) {
                double y;
                double tx;
                do {
                    tx = -StrictMath.log(1.0 - random.nextDouble()) / ZIGGURAT_R;
                    y = -StrictMath.log(1.0 - random.nextDouble());
                } while (y + y < tx * tx);
                return hz > 0 ? ZIGGURAT_R + tx : -ZIGGURAT_R - tx;
            }
            if (FN[iz] + random.nextDouble() * (FN[iz - 1] - FN[iz]) < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
            long bits = random.nextLong();
            iz = (int) (bits & 127);
            hz = (int) (bits >> 32);
            if (Math.abs((long) hz) < KN[iz]) {
                return hz * WN[iz];
            }
        }
    }

    private static final double ZIGGURAT_R = 3.442619855899;
    private static final long[] KN = new long[128];
    private static final double[] WN = new double[128];
    private static final double[] FN = new double[128];

    static {
        double m1 = 2147483648.0;
        double dn = ZIGGURAT_R;
        double tn = dn;
        double vn = 9.91256303526217e-3;
        double q = vn / StrictMath.exp(-0.5 * dn * dn);
        KN[0] = (long) ((dn / q) * m1);
        KN[1] = 0;
        WN[0] = q / m1;
        WN[127] = dn / m1;
        FN[0] = 1.0;
        FN[127] = StrictMath.exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--) {
            dn = Math.sqrt(-2.0 * StrictMath.log(vn / dn + StrictMath.exp(-0.5 * dn * dn)));
            KN[i + 1] = (long) ((dn / tn) * m1);
            tn = dn;
            FN[i] = StrictMath.exp(-0.5 * dn * dn);
            WN[i] = dn / m1;
        }
    }

    /** An exponential variate with mean 1. */
    double exponential() {
        return -StrictMath.log(1.0 - random.nextDouble());
    }
}
