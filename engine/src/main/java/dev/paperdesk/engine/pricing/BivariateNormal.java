package dev.paperdesk.engine.pricing;

/**
 * The standard bivariate normal cumulative distribution M(a, b; ρ) = P(X ≤ a, Y ≤ b) with correlation ρ.
 *
 * <p>A. Genz's algorithm ("Numerical computation of rectangular bivariate and trivariate normal and t
 * probabilities", Statistics and Computing 14, 2004), the refinement of Drezner and Wesolowsky (1990)
 * that Haug's "Complete Guide to Option Pricing Formulas" recommends: Gauss–Legendre quadrature of
 * Plackett's identity with 6, 12 or 20 points by |ρ|, and an asymptotic expansion for |ρ| ≥ 0.925.
 * The absolute error is about 1e-15.
 */
public final class BivariateNormal {
    private static final double TWO_PI = 2.0 * Math.PI;

    private static final double[][] W = {
        {0.1713244923791705, 0.3607615730481384, 0.4679139345726904},
        {
            0.04717533638651177,
            0.1069393259953183,
            0.1600783285433464,
            0.2031674267230659,
            0.2334925365383547,
            0.2491470458134029
        },
        {
            0.01761400713915212,
            0.04060142980038694,
            0.06267204833410906,
            0.08327674157670475,
            0.1019301198172404,
            0.1181945319615184,
            0.1316886384491766,
            0.1420961093183821,
            0.1491729864726037,
            0.1527533871307259
        }
    };
    private static final double[][] X = {
        {-0.9324695142031522, -0.6612093864662647, -0.2386191860831970},
        {
            -0.9815606342467191,
            -0.9041172563704750,
            -0.7699026741943050,
            -0.5873179542866171,
            -0.3678314989981802,
            -0.1252334085114692
        },
        {
            -0.9931285991850949,
            -0.9639719272779138,
            -0.9122344282513259,
            -0.8391169718222188,
            -0.7463319064601508,
            -0.6360536807265150,
            -0.5108670019508271,
            -0.3737060887154196,
            -0.2277858511416451,
            -0.07652652113349733
        }
    };

    private BivariateNormal() {}

    /**
     * P(X ≤ a, Y ≤ b) for standard normals X, Y with correlation {@code rho} in [−1, 1].
     *
     * @throws IllegalArgumentException when rho is outside [−1, 1] or an argument is NaN
     */
    public static double cdf(double a, double b, double rho) {
        if (Double.isNaN(a) || Double.isNaN(b) || !(rho >= -1.0 && rho <= 1.0)) {
            throw new IllegalArgumentException(
                    "bivariate normal needs numbers and −1 ≤ ρ ≤ 1, got a=" + a + ", b=" + b + ", ρ=" + rho);
        }
        return upper(-a, -b, rho);
    }

    /**
     * M(a, b; ρ) for one fixed correlation with |ρ| &lt; 0.925, for callers that evaluate many points at
     * the same ρ (Bjerksund–Stensland 2002 uses ρ = ±√((√5 − 1)/2) twenty times per value): Plackett's
     * identity M = Φ(a)Φ(b) + ∫₀^ρ φ₂(a, b; r) dr with the quadrature nodes r_i and their weights computed
     * once, so a point costs one exponential per node and no trigonometry. The node exponents lie in
     * [−(a² + b²)/(2(1 − |ρ|)), 0], at least −467 inside the ±{@value #TAIL} limits, so {@link Exponential}
     * takes them inline. Arguments beyond ±{@value #TAIL} standard deviations take the limit (M = 0 below,
     * M = Φ(other) above), an absolute error below Φ(−10) ≈ 7.6e-24.
     *
     * <p>Two rules. {@link #FixedCorrelation(double, int)} is Genz's: Gauss–Legendre in θ = asin r on 6, 12
     * or 20 nodes (Genz picks 20 for 0.75 ≤ |ρ| &lt; 0.925 to be safe over the whole range; at ρ = ±0.786
     * twelve agree with twenty within 2e-15, {@code BivariateNormalTest}). {@link #cubicSubstitution} is
     * Gauss–Legendre in y = (1 − |r|)^{1/3}: the integrand exp(−(a − b)²/(4(1 − |r|)) − (a + b)²/(4(1 +
     * |r|))) steepens towards |r| = |ρ| through its 1/(1 − |r|) term, which the cube root spreads out, so a
     * rule needs fewer nodes for the same error (at ρ = ±0.786: 8 nodes within 4e-12 of the exact value
     * over the whole plane, where 8 in θ are 3.7e-11 off and Genz's 12 are 1.3e-15).
     */
    public static final class FixedCorrelation {
        /** Beyond ±TAIL standard deviations an argument takes its limit (0 or the other Φ). */
        public static final double TAIL = 10.0;

        private final double[] along;
        private final double[] across;
        /**
         * ln |w_i| of the node weights, folded into the node exponent so that a node costs one exponential
         * and no multiplication; every weight has the sign of ρ, applied once to the sums.
         */
        private final double[] logWeight;

        private final double weightSign;

        /**
         * +1 or −1 when the rule is {@link GoldenNodes}' (ρ = ±{@link GoldenNodes#RHO}, the cubic
         * substitution on {@value GoldenNodes#POINTS} nodes), so that its unrolled constant nodes serve
         * (−ρ's nodes are +ρ's with ab negated), else 0.
         */
        private final double golden;

        private final double rho;
        /** 1/(2(1 − ρ²)) and 1/(2π√(1 − ρ²)), for the bivariate density. */
        private final double halfInverseComplement;

        private final double densityScale;

        /**
         * Genz's rule: Gauss–Legendre in θ = asin r on {@code points} nodes.
         *
         * @throws IllegalArgumentException when |ρ| ≥ 0.925 (the quadrature branch does not apply) or
         *     points is not 6, 12 or 20
         */
        public FixedCorrelation(double rho, int points) {
            this(rho, genzNodes(rho, points), false);
        }

        /**
         * Gauss–Legendre in y = (1 − |r|)^{1/3} on {@code points} nodes (see the class comment); at ρ =
         * ±{@link GoldenNodes#RHO} on {@value GoldenNodes#POINTS} nodes, {@link GoldenNodes}' unrolled
         * constants.
         *
         * @throws IllegalArgumentException when |ρ| ≥ 0.925 or points is not in [2, 64]
         */
        public static FixedCorrelation cubicSubstitution(double rho, int points) {
            return new FixedCorrelation(rho, cubicNodes(rho, points), true);
        }

        /**
         * {@link #cubicSubstitution} on the node arrays even at ±{@link GoldenNodes#RHO}: the reference
         * that {@code BivariateNormalTest} holds the unrolled nodes to.
         */
        static FixedCorrelation looped(double rho, int points) {
            return new FixedCorrelation(rho, cubicNodes(rho, points), false);
        }

        /** The nodes r_i ∈ (0, |ρ|) and weights (in r) of Genz's rule, from his tables. */
        private static double[][] genzNodes(double rho, int points) {
            checkCorrelation(rho);
            int ng =
                    switch (points) {
                        case 6 -> 0;
                        case 12 -> 1;
                        case 20 -> 2;
                        default -> throw new IllegalArgumentException("points must be 6, 12 or 20, got " + points);
                    };
            double asr = Math.abs(Math.asin(rho));
            int half = W[ng].length;
            double[] r = new double[2 * half];
            double[] weight = new double[2 * half];
            for (int i = 0; i < half; i++) {
                for (int side = 0; side < 2; side++) {
                    double node = side == 0 ? X[ng][i] : -X[ng][i];
                    double theta = asr * (node + 1.0) / 2.0;
                    r[2 * i + side] = Math.sin(theta);
                    // dr = cos θ dθ: the weight in r is w·(asr/2)·cos θ, which the density's 1/√(1 − r²) cancels
                    weight[2 * i + side] = W[ng][i] * asr / 2.0 * Math.sqrt(1.0 - r[2 * i + side] * r[2 * i + side]);
                }
            }
            return new double[][] {r, weight};
        }

        /** The nodes r_i ∈ (0, |ρ|) and weights (in r) of Gauss–Legendre in y = (1 − r)^{1/3}. */
        private static double[][] cubicNodes(double rho, int points) {
            checkCorrelation(rho);
            if (points < 2 || points > 64) {
                throw new IllegalArgumentException("points must be in [2, 64], got " + points);
            }
            double[] x = new double[points];
            double[] w = new double[points];
            gaussLegendre(points, x, w);
            // r = 1 − y³ runs from 0 at y = 1 to |ρ| at y0 = (1 − |ρ|)^{1/3}; dr = 3y² dy
            double y0 = Math.cbrt(1.0 - Math.abs(rho));
            double half = 0.5 * (1.0 - y0);
            double[] r = new double[points];
            double[] weight = new double[points];
            for (int i = 0; i < points; i++) {
                double y = y0 + half * (x[i] + 1.0);
                r[i] = 1.0 - y * y * y;
                weight[i] = w[i] * half * 3.0 * y * y;
            }
            return new double[][] {r, weight};
        }

        private static void checkCorrelation(double rho) {
            if (!(Math.abs(rho) < 0.925)) {
                throw new IllegalArgumentException("fixed-correlation quadrature needs |ρ| < 0.925, got ρ=" + rho);
            }
        }

        /** {@code nodes} = {r_i, weights in r} for |ρ|; the sign of ρ is applied here. */
        private FixedCorrelation(double rho, double[][] nodes, boolean unrolled) {
            this.rho = rho;
            halfInverseComplement = 0.5 / (1.0 - rho * rho);
            densityScale = 1.0 / (TWO_PI * Math.sqrt(1.0 - rho * rho));
            double sign = Math.signum(rho);
            weightSign = sign;
            int n = nodes[0].length;
            along = new double[n];
            across = new double[n];
            logWeight = new double[n];
            for (int i = 0; i < n; i++) {
                double r = nodes[0][i];
                double inv = 1.0 / (1.0 - r * r);
                // φ₂(a, b; ±r) = exp((±r·ab − (a² + b²)/2)/(1 − r²))/(2π√(1 − r²)) = exp(along·ab − across·(a² + b²))/…
                along[i] = sign * r * inv;
                across[i] = 0.5 * inv;
                logWeight[i] = Math.log(nodes[1][i] / (TWO_PI * Math.sqrt(1.0 - r * r)));
            }
            golden = unrolled && n == GoldenNodes.POINTS && Math.abs(rho) == GoldenNodes.RHO ? sign : 0.0;
        }

        /**
         * The Gauss–Legendre nodes and weights on [−1, 1] (Newton's method on the Legendre polynomial from
         * the asymptotic first guess, as in Numerical Recipes' gauleg): within an ulp or two of the tables
         * ({@code BivariateNormalTest} compares Genz's).
         */
        static void gaussLegendre(int n, double[] x, double[] w) {
            for (int i = 0; i < (n + 1) / 2; i++) {
                double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
                double derivative = 0.0;
                for (int iteration = 0; iteration < 100; iteration++) {
                    double p1 = 1.0;
                    double p2 = 0.0;
                    for (int j = 1; j <= n; j++) {
                        double p3 = p2;
                        p2 = p1;
                        p1 = ((2.0 * j - 1.0) * z * p2 - (j - 1.0) * p3) / j;
                    }
                    derivative = n * (z * p1 - p2) / (z * z - 1.0);
                    double previous = z;
                    z = previous - p1 / derivative;
                    if (Math.abs(z - previous) <= 1e-16) {
                        break;
                    }
                }
                x[i] = -z;
                x[n - 1 - i] = z;
                w[i] = 2.0 / ((1.0 - z * z) * derivative * derivative);
                w[n - 1 - i] = w[i];
            }
        }

        /**
         * |w_i|·e^{E_i} for E_i = along_i·ab − across_i·(a² + b²): one exponential of E_i + ln|w_i| (at most
         * about −3.6 for the rules in use, at least −475 inside the tails), whose one-product reduction costs at most 1.3e-17 of
         * absolute error, below the weights' own rounding.
         */
        private double node(int i, double hk, double sq) {
            return Exponential.ofNonPositiveInSum(along[i] * hk - (across[i] * sq - logWeight[i]));
        }

        /** P(X ≤ a, Y ≤ b). */
        public double cdf(double a, double b) {
            return cdf(a, b, StandardNormal.cdf(a), StandardNormal.cdf(b));
        }

        /**
         * P(X ≤ a, Y ≤ b) given Φ(a), which callers often share between several points; Φ(b) is only
         * computed when the point is not in a tail, as its density times the Mills ratio ({@link
         * StandardNormal#cdfFromDensity}).
         */
        public double cdf(double a, double b, double cdfA) {
            if (a <= -TAIL || b <= -TAIL) {
                return 0.0;
            }
            if (b >= TAIL) {
                return cdfA;
            }
            return cdf(a, b, cdfA, StandardNormal.cdfFromDensity(b, StandardNormal.pdfInline(b)));
        }

        /** P(X ≤ a, Y ≤ b) given Φ(a) and Φ(b). */
        public double cdf(double a, double b, double cdfA, double cdfB) {
            if (a <= -TAIL || b <= -TAIL) {
                return 0.0;
            }
            if (a >= TAIL) {
                return cdfB;
            }
            if (b >= TAIL) {
                return cdfA;
            }
            double hk = a * b;
            double sq = a * a + b * b;
            double sum = 0.0;
            if (golden != 0.0) {
                sum = GoldenNodes.sum(golden * hk, sq);
            } else {
                for (int i = 0; i < logWeight.length; i++) {
                    sum += node(i, hk, sq);
                }
            }
            return weightSign * sum + cdfA * cdfB;
        }

        /**
         * M(a + da·x, b + db·x) and its first two derivatives in x at x = 0, into {@code out[0..2]}: the value
         * exactly as {@link #cdf(double, double, double)} computes it, and the derivatives of that computed
         * value (the quadrature differentiated node by node, so the nodes' exponentials serve all three;
         * the limits beyond ±{@value #TAIL} differentiated as limits).
         *
         * @param cdfA Φ(a)
         * @param pdfA the density n(a)
         */
        public void cdfAndDerivatives(
                double a, double b, double cdfA, double pdfA, double da, double db, double[] out) {
            if (a <= -TAIL || b <= -TAIL) {
                out[0] = 0.0;
                out[1] = 0.0;
                out[2] = 0.0;
                return;
            }
            if (b >= TAIL) {
                out[0] = cdfA;
                out[1] = da * pdfA;
                out[2] = -a * da * da * pdfA;
                return;
            }
            double pdfB = StandardNormal.pdfInline(b);
            double cdfB = StandardNormal.cdfFromDensity(b, pdfB);
            if (a >= TAIL) {
                out[0] = cdfB;
                out[1] = db * pdfB;
                out[2] = -b * db * db * pdfB;
                return;
            }
            double hk = a * b;
            double sq = a * a + b * b;
            // the exponent E_i = along_i·ab − across_i·(a² + b²) moves by u_i per unit of x and bends by v_i
            double p1 = da * b + a * db;
            double p2 = 2.0 * (a * da + b * db);
            double q1 = 2.0 * da * db;
            double q2 = 2.0 * (da * da + db * db);
            double sum = 0.0;
            double sumX = 0.0;
            double sumXx = 0.0;
            for (int i = 0; i < logWeight.length; i++) {
                double e = node(i, hk, sq);
                double u = along[i] * p1 - across[i] * p2;
                sum += e;
                sumX += e * u;
                sumXx += e * (u * u + (along[i] * q1 - across[i] * q2));
            }
            sum *= weightSign;
            sumX *= weightSign;
            sumXx *= weightSign;
            double na = da * pdfA;
            double nb = db * pdfB;
            out[0] = sum + cdfA * cdfB;
            out[1] = sumX + na * cdfB + cdfA * nb;
            out[2] = sumXx - a * da * na * cdfB + 2.0 * na * nb - cdfA * b * db * nb;
        }
        /**
         * {@link #cdfAndDerivatives} plus the partial derivatives ∂M/∂a and ∂M/∂b of the computed value into
         * {@code out[3]} and {@code out[4]} (so that any other direction's derivative is a combination of
         * the two), from the same node exponentials; Φ(b) as in {@link #cdf(double, double, double)}.
         * The node exponent E_i = along_i·ab − across_i·(a² + b²) has the partials E_a = along_i·b −
         * 2across_i·a and E_b = along_i·a − 2across_i·b, linear in along_i and across_i, so the loop keeps
         * only the sums of e_i, e_i·along_i and e_i·across_i. The second derivative {@code out[2]} is not the
         * quadrature's but the analytic one built on its partials (it differs from the node-by-node
         * derivative of {@link #cdfAndDerivatives} by that derivative's quadrature error, within 1e-12).
         *
         * @param cdfA Φ(a)
         * @param pdfA the density n(a)
         */
        public void cdfAndPartials(double a, double b, double cdfA, double pdfA, double da, double db, double[] out) {
            if (a <= -TAIL || b <= -TAIL) {
                out[0] = 0.0;
                out[1] = 0.0;
                out[2] = 0.0;
                out[3] = 0.0;
                out[4] = 0.0;
                return;
            }
            if (b >= TAIL) {
                out[0] = cdfA;
                out[1] = da * pdfA;
                out[2] = -a * da * da * pdfA;
                out[3] = pdfA;
                out[4] = 0.0;
                return;
            }
            double pdfB = StandardNormal.pdfInline(b);
            double cdfB = StandardNormal.cdfFromDensity(b, pdfB);
            if (a >= TAIL) {
                out[0] = cdfB;
                out[1] = db * pdfB;
                out[2] = -b * db * db * pdfB;
                out[3] = 0.0;
                out[4] = pdfB;
                return;
            }
            double hk = a * b;
            double sq = a * a + b * b;
            double sum = 0.0;
            double sumAlong = 0.0;
            double sumAcross = 0.0;
            if (golden != 0.0) {
                GoldenNodes.moments(golden * hk, sq, out);
                sum = out[0];
                sumAlong = golden * out[3];
                sumAcross = out[4];
            } else {
                for (int i = 0; i < logWeight.length; i++) {
                    double e = node(i, hk, sq);
                    sum += e;
                    sumAlong += e * along[i];
                    sumAcross += e * across[i];
                }
            }
            sum *= weightSign;
            sumAlong *= weightSign;
            sumAcross *= weightSign;
            double ma = b * sumAlong - 2.0 * a * sumAcross + pdfA * cdfB;
            double mb = a * sumAlong - 2.0 * b * sumAcross + cdfA * pdfB;
            // the second partials from the first ones and the bivariate density φ2 (one exponential instead
            // of a fourth node sum): ∂²M/∂a² = −a·∂M/∂a − ρφ2, ∂²M/∂a∂b = φ2, ∂²M/∂b² = −b·∂M/∂b − ρφ2
            double density = densityScale * Exponential.ofNonPositive(-(sq - 2.0 * rho * hk) * halfInverseComplement);
            out[0] = sum + cdfA * cdfB;
            out[1] = da * ma + db * mb;
            out[2] =
                    da * da * (-a * ma - rho * density) + 2.0 * da * db * density + db * db * (-b * mb - rho * density);
            out[3] = ma;
            out[4] = mb;
        }

        /**
         * M(a, b) into {@code out[0]} and its partials ∂M/∂a, ∂M/∂b into {@code out[3]} and {@code out[4]},
         * as {@link #cdfAndPartials} computes them, without the second derivative ({@code out[1..2]} are
         * left as they were).
         */
        public void cdfAndGradient(double a, double b, double cdfA, double pdfA, double[] out) {
            if (a <= -TAIL || b <= -TAIL) {
                out[0] = 0.0;
                out[3] = 0.0;
                out[4] = 0.0;
                return;
            }
            if (b >= TAIL) {
                out[0] = cdfA;
                out[3] = pdfA;
                out[4] = 0.0;
                return;
            }
            double pdfB = StandardNormal.pdfInline(b);
            double cdfB = StandardNormal.cdfFromDensity(b, pdfB);
            if (a >= TAIL) {
                out[0] = cdfB;
                out[3] = 0.0;
                out[4] = pdfB;
                return;
            }
            double hk = a * b;
            double sq = a * a + b * b;
            double sum = 0.0;
            double sumAlong = 0.0;
            double sumAcross = 0.0;
            if (golden != 0.0) {
                GoldenNodes.moments(golden * hk, sq, out);
                sum = out[0];
                sumAlong = golden * out[3];
                sumAcross = out[4];
            } else {
                for (int i = 0; i < logWeight.length; i++) {
                    double e = node(i, hk, sq);
                    sum += e;
                    sumAlong += e * along[i];
                    sumAcross += e * across[i];
                }
            }
            sum *= weightSign;
            sumAlong *= weightSign;
            sumAcross *= weightSign;
            out[0] = sum + cdfA * cdfB;
            out[3] = b * sumAlong - 2.0 * a * sumAcross + pdfA * cdfB;
            out[4] = a * sumAlong - 2.0 * b * sumAcross + cdfA * pdfB;
        }
    }

    /**
     * The 8 nodes of {@link FixedCorrelation#cubicSubstitution} for ρ = √((√5 − 1)/2), the correlation of
     * Bjerksund–Stensland 2002 (ρ² = t1/T, the golden-ratio split), as static constants in straight-line
     * code: the JIT folds the constants into the instructions and schedules the 8 independent node
     * exponentials freely, where the loop over the node arrays loads three values per node and sums
     * along one dependency chain. The exponents are fused products, the sums pairwise (value) or two
     * fused chains of four (moments), within a few ulps of the loop's sums ({@code BivariateNormalTest}).
     */
    static final class GoldenNodes {
        static final double RHO = Math.sqrt(0.5 * (Math.sqrt(5.0) - 1.0));
        /** The rule's node count: within 4e-12 of the exact M over the whole plane at ±{@link #RHO}. */
        static final int POINTS = 8;
        /** The nodes as {@link FixedCorrelation} computes them, read once into the constants below. */
        private static final FixedCorrelation NODES = FixedCorrelation.looped(RHO, POINTS);

        private GoldenNodes() {}

        /** Σ |w_i|·e^{E_i} with E_i = along_i·ab − across_i·(a² + b²) for {@code hk} = ab and {@code sq} = a² + b². */
        static double sum(double hk, double sq) {
            double e0 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_0, hk, Math.fma(-G_ACROSS_0, sq, G_LOG_WEIGHT_0)));
            double e1 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_1, hk, Math.fma(-G_ACROSS_1, sq, G_LOG_WEIGHT_1)));
            double e2 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_2, hk, Math.fma(-G_ACROSS_2, sq, G_LOG_WEIGHT_2)));
            double e3 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_3, hk, Math.fma(-G_ACROSS_3, sq, G_LOG_WEIGHT_3)));
            double e4 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_4, hk, Math.fma(-G_ACROSS_4, sq, G_LOG_WEIGHT_4)));
            double e5 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_5, hk, Math.fma(-G_ACROSS_5, sq, G_LOG_WEIGHT_5)));
            double e6 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_6, hk, Math.fma(-G_ACROSS_6, sq, G_LOG_WEIGHT_6)));
            double e7 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_7, hk, Math.fma(-G_ACROSS_7, sq, G_LOG_WEIGHT_7)));
            return ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7));
        }

        /**
         * The sums of |w_i|·e^{E_i}, |w_i|·e^{E_i}·along_i and |w_i|·e^{E_i}·across_i into {@code m[0]},
         * {@code m[3]} and {@code m[4]} (the slots the callers write last, so no scratch array is needed).
         */
        static void moments(double hk, double sq, double[] m) {
            double e0 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_0, hk, Math.fma(-G_ACROSS_0, sq, G_LOG_WEIGHT_0)));
            double e1 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_1, hk, Math.fma(-G_ACROSS_1, sq, G_LOG_WEIGHT_1)));
            double e2 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_2, hk, Math.fma(-G_ACROSS_2, sq, G_LOG_WEIGHT_2)));
            double e3 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_3, hk, Math.fma(-G_ACROSS_3, sq, G_LOG_WEIGHT_3)));
            double e4 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_4, hk, Math.fma(-G_ACROSS_4, sq, G_LOG_WEIGHT_4)));
            double e5 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_5, hk, Math.fma(-G_ACROSS_5, sq, G_LOG_WEIGHT_5)));
            double e6 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_6, hk, Math.fma(-G_ACROSS_6, sq, G_LOG_WEIGHT_6)));
            double e7 =
                    Exponential.ofNonPositiveInSum(Math.fma(G_ALONG_7, hk, Math.fma(-G_ACROSS_7, sq, G_LOG_WEIGHT_7)));
            m[0] = ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7));
            m[3] = (Math.fma(e6, G_ALONG_6, Math.fma(e4, G_ALONG_4, Math.fma(e2, G_ALONG_2, e0 * G_ALONG_0))))
                    + (Math.fma(e7, G_ALONG_7, Math.fma(e5, G_ALONG_5, Math.fma(e3, G_ALONG_3, e1 * G_ALONG_1))));
            m[4] = (Math.fma(e6, G_ACROSS_6, Math.fma(e4, G_ACROSS_4, Math.fma(e2, G_ACROSS_2, e0 * G_ACROSS_0))))
                    + (Math.fma(e7, G_ACROSS_7, Math.fma(e5, G_ACROSS_5, Math.fma(e3, G_ACROSS_3, e1 * G_ACROSS_1))));
        }

        // static final fields, unlike array elements, are constants to the JIT
        private static final double G_ALONG_0 = NODES.along[0];
        private static final double G_ACROSS_0 = NODES.across[0];
        private static final double G_LOG_WEIGHT_0 = NODES.logWeight[0];
        private static final double G_ALONG_1 = NODES.along[1];
        private static final double G_ACROSS_1 = NODES.across[1];
        private static final double G_LOG_WEIGHT_1 = NODES.logWeight[1];
        private static final double G_ALONG_2 = NODES.along[2];
        private static final double G_ACROSS_2 = NODES.across[2];
        private static final double G_LOG_WEIGHT_2 = NODES.logWeight[2];
        private static final double G_ALONG_3 = NODES.along[3];
        private static final double G_ACROSS_3 = NODES.across[3];
        private static final double G_LOG_WEIGHT_3 = NODES.logWeight[3];
        private static final double G_ALONG_4 = NODES.along[4];
        private static final double G_ACROSS_4 = NODES.across[4];
        private static final double G_LOG_WEIGHT_4 = NODES.logWeight[4];
        private static final double G_ALONG_5 = NODES.along[5];
        private static final double G_ACROSS_5 = NODES.across[5];
        private static final double G_LOG_WEIGHT_5 = NODES.logWeight[5];
        private static final double G_ALONG_6 = NODES.along[6];
        private static final double G_ACROSS_6 = NODES.across[6];
        private static final double G_LOG_WEIGHT_6 = NODES.logWeight[6];
        private static final double G_ALONG_7 = NODES.along[7];
        private static final double G_ACROSS_7 = NODES.across[7];
        private static final double G_LOG_WEIGHT_7 = NODES.logWeight[7];
    }

    /** P(X > h, Y > k) with correlation r (Genz's BVND). */
    private static double upper(double h, double k, double r) {
        int ng;
        if (Math.abs(r) < 0.3) {
            ng = 0;
        } else if (Math.abs(r) < 0.75) {
            ng = 1;
        } else {
            ng = 2;
        }
        double[] w = W[ng];
        double[] x = X[ng];
        double hk = h * k;
        double bvn = 0.0;
        if (Math.abs(r) < 0.925) {
            if (r != 0.0) {
                double hs = (h * h + k * k) / 2.0;
                double asr = Math.asin(r);
                for (int i = 0; i < w.length; i++) {
                    double sn = Math.sin(asr * (x[i] + 1.0) / 2.0);
                    bvn += w[i] * Math.exp((sn * hk - hs) / (1.0 - sn * sn));
                    sn = Math.sin(asr * (-x[i] + 1.0) / 2.0);
                    bvn += w[i] * Math.exp((sn * hk - hs) / (1.0 - sn * sn));
                }
                bvn = bvn * asr / (2.0 * TWO_PI);
            }
            return bvn + StandardNormal.cdf(-h) * StandardNormal.cdf(-k);
        }
        if (r < 0.0) {
            k = -k;
            hk = -hk;
        }
        if (Math.abs(r) < 1.0) {
            double as = (1.0 - r) * (1.0 + r);
            double a = Math.sqrt(as);
            double bs = (h - k) * (h - k);
            double c = (4.0 - hk) / 8.0;
            double d = (12.0 - hk) / 16.0;
            double asr = -(bs / as + hk) / 2.0;
            if (asr > -100.0) {
                bvn = a * Math.exp(asr) * (1.0 - c * (bs - as) * (1.0 - d * bs / 5.0) / 3.0 + c * d * as * as / 5.0);
            }
            if (-hk < 100.0) {
                double bb = Math.sqrt(bs);
                bvn -= Math.exp(-hk / 2.0)
                        * Math.sqrt(TWO_PI)
                        * StandardNormal.cdf(-bb / a)
                        * bb
                        * (1.0 - c * bs * (1.0 - d * bs / 5.0) / 3.0);
            }
            a /= 2.0;
            for (int i = 0; i < w.length; i++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double xs = a * (sign * x[i] + 1.0);
                    xs *= xs;
                    double rs = Math.sqrt(1.0 - xs);
                    double asr2 = -(bs / xs + hk) / 2.0;
                    if (asr2 > -100.0) {
                        bvn += a
                                * w[i]
                                * Math.exp(asr2)
                                * (Math.exp(-hk * (1.0 - rs) / (2.0 * (1.0 + rs))) / rs
                                        - (1.0 + c * xs * (1.0 + d * xs)));
                    }
                }
            }
            bvn = -bvn / TWO_PI;
        }
        if (r > 0.0) {
            return bvn + StandardNormal.cdf(-Math.max(h, k));
        }
        bvn = -bvn;
        if (k > h) {
            if (h < 0.0) {
                bvn += StandardNormal.cdf(k) - StandardNormal.cdf(h);
            } else {
                bvn += StandardNormal.cdf(-h) - StandardNormal.cdf(-k);
            }
        }
        return bvn;
    }
}
