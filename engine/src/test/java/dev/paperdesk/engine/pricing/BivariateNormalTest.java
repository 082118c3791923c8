package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BivariateNormalTest {
    private static final double[] POINTS = {-3.1, -1.2, -0.4, 0.0, 0.35, 1.1, 2.6};
    private static final double[] RHOS = {-0.999, -0.95, -0.8, -0.5, -0.2, 0.1, 0.29, 0.6, 0.74, 0.93, 0.99};

    @Test
    void atTheOriginItIsSheppardsFormula() {
        for (double rho : RHOS) {
            double expected = 0.25 + Math.asin(rho) / (2 * Math.PI);
            assertThat(BivariateNormal.cdf(0, 0, rho)).as("ρ=%s", rho).isCloseTo(expected, within(1e-14));
        }
    }

    @Test
    void uncorrelatedIsTheProductOfMarginals() {
        for (double a : POINTS) {
            for (double b : POINTS) {
                assertThat(BivariateNormal.cdf(a, b, 0.0))
                        .isCloseTo(StandardNormal.cdf(a) * StandardNormal.cdf(b), within(1e-15));
            }
        }
    }

    @Test
    void perfectCorrelationLimits() {
        assertThat(BivariateNormal.cdf(0.4, 1.3, 1.0)).isCloseTo(StandardNormal.cdf(0.4), within(1e-15));
        assertThat(BivariateNormal.cdf(0.4, 1.3, -1.0))
                .isCloseTo(StandardNormal.cdf(0.4) + StandardNormal.cdf(1.3) - 1.0, within(1e-15));
        assertThat(BivariateNormal.cdf(-0.4, 0.3, -1.0)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void symmetriesAndMarginalIdentityHoldAcrossAllRegimes() {
        for (double rho : RHOS) {
            for (double a : POINTS) {
                for (double b : POINTS) {
                    double m = BivariateNormal.cdf(a, b, rho);
                    assertThat(m).isBetween(-1e-16, 1.0 + 1e-16);
                    assertThat(BivariateNormal.cdf(b, a, rho)).isCloseTo(m, within(1e-14));
                    // P(X ≤ a, Y ≤ b) + P(X ≤ a, Y > b) = P(X ≤ a), with P(X ≤ a, Y > b) = M(a, −b, −ρ)
                    assertThat(m + BivariateNormal.cdf(a, -b, -rho))
                            .as("a=%s b=%s ρ=%s", a, b, rho)
                            .isCloseTo(StandardNormal.cdf(a), within(1e-14));
                }
            }
        }
    }

    @Test
    void rejectsCorrelationOutsideTheUnitInterval() {
        assertThatThrownBy(() -> BivariateNormal.cdf(0, 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ρ");
    }

    @Test
    void fixedCorrelationQuadratureAgreesWithGenzOnTheBjerksundStenslandCorrelation() {
        // ρ = ±√((√5 − 1)/2): twelve nodes instead of Genz's twenty, and the ±10 tail limits
        double rho = Math.sqrt(0.5 * (Math.sqrt(5.0) - 1.0));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (double r : new double[] {rho, -rho, 0.5, -0.2}) {
            BivariateNormal.FixedCorrelation fixed =
                    new BivariateNormal.FixedCorrelation(r, r == rho || r == -rho ? 12 : 20);
            double worst = 0.0;
            for (int i = 0; i < 20_000; i++) {
                double a = -13 + 26 * rng.nextDouble();
                double b = -13 + 26 * rng.nextDouble();
                worst = Math.max(worst, Math.abs(fixed.cdf(a, b) - BivariateNormal.cdf(a, b, r)));
            }
            assertThat(worst).as("ρ=%s", r).isLessThan(2e-15);
        }
    }

    /**
     * The cubic substitution's {@value BivariateNormal.GoldenNodes#POINTS}-node rule at ρ = ±√((√5 − 1)/2)
     * against Genz's 20 nodes (within 1e-15 of the exact value) over [−13, 13]², the tails included, and
     * densely around its worst points (a ≈ −b ≈ ±1.5): measured 3.93e-12; the same number of nodes in θ
     * (Genz's variable) are 3.7e-11 off, and the cubic rule on 12 nodes is within 2e-15.
     */
    @Test
    void cubicSubstitutionRuleAgreesWithGenzOnTheBjerksundStenslandCorrelation() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (double r : new double[] {GOLDEN, -GOLDEN}) {
            BivariateNormal.FixedCorrelation rule =
                    BivariateNormal.FixedCorrelation.cubicSubstitution(r, BivariateNormal.GoldenNodes.POINTS);
            BivariateNormal.FixedCorrelation twelve = BivariateNormal.FixedCorrelation.cubicSubstitution(r, 12);
            double worst = 0.0;
            double worstTwelve = 0.0;
            for (int i = 0; i < 200_000; i++) {
                double a = i % 2 == 0 ? -13 + 26 * rng.nextDouble() : -3 + 6 * rng.nextDouble();
                double b = i % 2 == 0 ? -13 + 26 * rng.nextDouble() : -3 + 6 * rng.nextDouble();
                double genz = BivariateNormal.cdf(a, b, r);
                worst = Math.max(worst, Math.abs(rule.cdf(a, b) - genz));
                worstTwelve = Math.max(worstTwelve, Math.abs(twelve.cdf(a, b) - genz));
            }
            assertThat(worst).as("ρ=%s", r).isLessThan(4.5e-12).isGreaterThan(1e-12);
            assertThat(worstTwelve).as("ρ=%s", r).isLessThan(2e-15);
        }
    }

    /** The nodes and weights from Newton's method against Genz's tables (6, 12 and 20 points). */
    @Test
    void gaussLegendreNodesMatchTheTables() {
        double[][] table = {
            {-0.9324695142031522, -0.6612093864662647, -0.2386191860831970},
            {0.1713244923791705, 0.3607615730481384, 0.4679139345726904}
        };
        double[] x = new double[6];
        double[] w = new double[6];
        BivariateNormal.FixedCorrelation.gaussLegendre(6, x, w);
        for (int i = 0; i < 3; i++) {
            assertThat(x[i]).isCloseTo(table[0][i], within(2e-16));
            assertThat(x[5 - i]).isEqualTo(-x[i]);
            // the tables' sixteen digits: 0.4679139345726904 is 6.5e-16 below the weight's true value
            assertThat(w[i]).isCloseTo(table[1][i], within(1e-15));
        }
        for (int n : new int[] {7, 8, 12, 20}) {
            double[] xn = new double[n];
            double[] wn = new double[n];
            BivariateNormal.FixedCorrelation.gaussLegendre(n, xn, wn);
            // exact for polynomials of degree 2n − 1: ∫ x^k dx over [−1, 1] = 2/(k + 1) for even k
            for (int k = 0; k < 2 * n; k += 2) {
                double sum = 0.0;
                for (int i = 0; i < n; i++) {
                    sum += wn[i] * Math.pow(xn[i], k);
                }
                assertThat(sum).as("n=%s k=%s", n, k).isCloseTo(2.0 / (k + 1), within(1e-14));
            }
        }
    }

    @Test
    void fixedCorrelationRejectsWhatItCannotIntegrate() {
        assertThatThrownBy(() -> new BivariateNormal.FixedCorrelation(0.95, 20)).hasMessageContaining("|ρ| < 0.925");
        assertThatThrownBy(() -> new BivariateNormal.FixedCorrelation(0.5, 8)).hasMessageContaining("6, 12 or 20");
        assertThatThrownBy(() -> BivariateNormal.FixedCorrelation.cubicSubstitution(0.93, 8))
                .hasMessageContaining("|ρ| < 0.925");
        assertThatThrownBy(() -> BivariateNormal.FixedCorrelation.cubicSubstitution(0.5, 1))
                .hasMessageContaining("[2, 64]");
    }

    /**
     * The value along a line equals the plain evaluation bit for bit, and the derivatives the exact ones
     * (∂M/∂a = n(a)Φ((b − ρa)/√(1 − ρ²)), ∂²M/∂a∂b = the bivariate density, ∂²M/∂a² = −a·∂M/∂a −
     * ρ·density) to the differentiated quadrature's accuracy: measured 1.6e-14 and 2.9e-13 on this grid;
     * {@link BivariateNormal.FixedCorrelation#cdfAndPartials} gives the same and the exact partials, and
     * {@link BivariateNormal.FixedCorrelation#cdfAndGradient} the same value and partials bit for bit.
     */
    @Test
    void fixedCorrelationDerivativesAlongALineAreTheExactOnes() {
        double[] out = new double[3];
        double[] partials = new double[5];
        double[] gradient = new double[5];
        double worstFirst = 0;
        double worstSecond = 0;
        double worstPartial = 0;
        double worstSecondPartials = 0;
        for (double rho : new double[] {0.786, -0.786, 0.3}) {
            BivariateNormal.FixedCorrelation m = new BivariateNormal.FixedCorrelation(rho, rho == 0.3 ? 6 : 12);
            double s = Math.sqrt(1 - rho * rho);
            for (double a : POINTS) {
                for (double b : POINTS) {
                    for (double[] dir : new double[][] {{1.0, 0.0}, {0.0, -1.0}, {1.3, 0.7}, {-0.4, 2.1}}) {
                        double da = dir[0];
                        double db = dir[1];
                        m.cdfAndDerivatives(a, b, StandardNormal.cdf(a), StandardNormal.pdf(a), da, db, out);
                        assertThat(out[0]).isEqualTo(m.cdf(a, b, StandardNormal.cdf(a)));
                        double ma = StandardNormal.pdf(a) * StandardNormal.cdf((b - rho * a) / s);
                        double mb = StandardNormal.pdf(b) * StandardNormal.cdf((a - rho * b) / s);
                        double density = Math.exp(-(a * a - 2 * rho * a * b + b * b) / (2 * s * s)) / (2 * Math.PI * s);
                        double first = da * ma + db * mb;
                        double second = da * da * (-a * ma - rho * density)
                                + 2 * da * db * density
                                + db * db * (-b * mb - rho * density);
                        m.cdfAndPartials(a, b, StandardNormal.cdf(a), StandardNormal.pdf(a), da, db, partials);
                        assertThat(partials[0]).isEqualTo(out[0]);
                        m.cdfAndGradient(a, b, StandardNormal.cdf(a), StandardNormal.pdf(a), gradient);
                        assertThat(gradient[0]).isEqualTo(partials[0]);
                        assertThat(gradient[3]).isEqualTo(partials[3]);
                        assertThat(gradient[4]).isEqualTo(partials[4]);
                        assertThat(partials[1]).isCloseTo(out[1], within(1e-15));
                        // cdfAndPartials builds the second derivative analytically on its partials, so it
                        // is held to the exact second derivative rather than to the node-by-node one
                        worstSecondPartials = Math.max(worstSecondPartials, Math.abs(partials[2] - second));
                        worstPartial = Math.max(
                                worstPartial, Math.max(Math.abs(partials[3] - ma), Math.abs(partials[4] - mb)));
                        worstFirst = Math.max(worstFirst, Math.abs(out[1] - first));
                        worstSecond = Math.max(worstSecond, Math.abs(out[2] - second));
                    }
                }
            }
        }
        assertThat(worstFirst).isLessThan(5e-14);
        assertThat(worstSecond).isLessThan(1e-12);
        assertThat(worstPartial).isLessThan(5e-14);
        assertThat(worstSecondPartials).isLessThan(1e-12);
    }

    private static final double GOLDEN = Math.sqrt(0.5 * (Math.sqrt(5.0) - 1.0));

    /**
     * At ρ = ±√((√5 − 1)/2) the quadrature runs on {@code GoldenNodes}' unrolled constants: value, gradient
     * and partials within a few ulps of the same quadrature on the node arrays, over [−13, 13]² (every tail
     * limit included) and the grid of the other tests.
     */
    @Test
    void unrolledGoldenNodesAgreeWithTheLoopedQuadrature() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(29);
        double[] unrolledOut = new double[5];
        double[] loopedOut = new double[5];
        double worstValue = 0;
        double worstPartial = 0;
        double worstSecond = 0;
        for (double rho : new double[] {GOLDEN, -GOLDEN}) {
            BivariateNormal.FixedCorrelation unrolled =
                    BivariateNormal.FixedCorrelation.cubicSubstitution(rho, BivariateNormal.GoldenNodes.POINTS);
            BivariateNormal.FixedCorrelation looped =
                    BivariateNormal.FixedCorrelation.looped(rho, BivariateNormal.GoldenNodes.POINTS);
            for (int i = 0; i < 200_000; i++) {
                double a = i < 49 ? POINTS[i % 7] : -13 + 26 * rng.nextDouble();
                double b = i < 49 ? POINTS[i / 7] : -13 + 26 * rng.nextDouble();
                double cdfA = StandardNormal.cdf(a);
                double pdfA = StandardNormal.pdf(a);
                worstValue = Math.max(worstValue, Math.abs(unrolled.cdf(a, b, cdfA) - looped.cdf(a, b, cdfA)));
                unrolled.cdfAndPartials(a, b, cdfA, pdfA, 0.7, -1.3, unrolledOut);
                looped.cdfAndPartials(a, b, cdfA, pdfA, 0.7, -1.3, loopedOut);
                worstValue = Math.max(worstValue, Math.abs(unrolledOut[0] - loopedOut[0]));
                worstPartial = Math.max(worstPartial, Math.abs(unrolledOut[1] - loopedOut[1]));
                worstPartial = Math.max(worstPartial, Math.abs(unrolledOut[3] - loopedOut[3]));
                worstPartial = Math.max(worstPartial, Math.abs(unrolledOut[4] - loopedOut[4]));
                worstSecond = Math.max(worstSecond, Math.abs(unrolledOut[2] - loopedOut[2]));
                double[] gradient = new double[5];
                unrolled.cdfAndGradient(a, b, cdfA, pdfA, gradient);
                assertThat(gradient[0]).isEqualTo(unrolledOut[0]);
                assertThat(gradient[3]).isEqualTo(unrolledOut[3]);
                assertThat(gradient[4]).isEqualTo(unrolledOut[4]);
            }
        }
        // measured 1.1e-16, 1.7e-16 and 2.2e-16: an ulp or two of the sums
        assertThat(worstValue).isLessThan(2.5e-16);
        assertThat(worstPartial).isLessThan(4e-16);
        assertThat(worstSecond).isLessThan(5e-16);
    }

    /**
     * M(a, b; ±√((√5 − 1)/2)) on the unrolled nodes against Φ(a)Φ(b) + ∫₀^ρ φ₂(a, b; r) dr integrated by
     * mpmath at 40 digits: within the rule's own error (3.9e-12 at its worst, a ≈ −b ≈ ±1.5, where the last
     * rows sit), and Genz's 12-node rule within 1.5e-15.
     */
    @Test
    void unrolledGoldenNodesAgainstFortyDigitValues() {
        int points = BivariateNormal.GoldenNodes.POINTS;
        BivariateNormal.FixedCorrelation plus = BivariateNormal.FixedCorrelation.cubicSubstitution(GOLDEN, points);
        BivariateNormal.FixedCorrelation minus = BivariateNormal.FixedCorrelation.cubicSubstitution(-GOLDEN, points);
        BivariateNormal.FixedCorrelation loopedPlus = BivariateNormal.FixedCorrelation.looped(GOLDEN, points);
        BivariateNormal.FixedCorrelation loopedMinus = BivariateNormal.FixedCorrelation.looped(-GOLDEN, points);
        BivariateNormal.FixedCorrelation genzPlus = new BivariateNormal.FixedCorrelation(GOLDEN, 12);
        BivariateNormal.FixedCorrelation genzMinus = new BivariateNormal.FixedCorrelation(-GOLDEN, 12);
        double worst = 0;
        double worstLooped = 0;
        for (double[] row : FORTY_DIGIT_VALUES) {
            double error = Math.abs((row[0] > 0 ? plus : minus).cdf(row[1], row[2]) - row[3]);
            assertThat(error)
                    .as("ρ=%s a=%s b=%s", row[0] * GOLDEN, row[1], row[2])
                    .isLessThan(4e-12);
            assertThat(Math.abs((row[0] > 0 ? genzPlus : genzMinus).cdf(row[1], row[2]) - row[3]))
                    .isLessThan(1.5e-15);
            worst = Math.max(worst, error);
            worstLooped = Math.max(
                    worstLooped, Math.abs((row[0] > 0 ? loopedPlus : loopedMinus).cdf(row[1], row[2]) - row[3]));
        }
        assertThat(FORTY_DIGIT_VALUES.length).isEqualTo(248);
        // the quadrature's own error, which the unrolled sums do not change
        assertThat(worst).isGreaterThan(3e-12);
        assertThat(worst).isLessThanOrEqualTo(worstLooped + 2.5e-16);
    }

    /** {sign of ρ, a, b, M(a, b; ρ)} from mpmath (mp.dps = 40, quad of Plackett's integrand). */
    private static final double[][] FORTY_DIGIT_VALUES = {
        {1, -7.5, -7.5, 0.0000000000000002666276614434414230517843},
        {1, -7.5, -4.2, 0.00000000000003184523747411629929319225},
        {1, -7.5, -2.6, 0.00000000000003190891592935586884902608},
        {1, -7.5, -1.3, 0.00000000000003190891672910823489552047},
        {1, -7.5, -0.45, 0.00000000000003190891672910896226979408},
        {1, -7.5, 0, 0.00000000000003190891672910896227766416},
        {1, -7.5, 0.3, 0.00000000000003190891672910896227767281},
        {1, -7.5, 1.05, 0.00000000000003190891672910896227767288},
        {1, -7.5, 2.2, 0.00000000000003190891672910896227767288},
        {1, -7.5, 3.7, 0.00000000000003190891672910896227767288},
        {1, -7.5, 6.1, 0.00000000000003190891672910896227767288},
        {1, -4.2, -7.5, 0.00000000000003184523747411629929319225},
        {1, -4.2, -4.2, 0.000001700305289333014014725867},
        {1, -4.2, -2.6, 0.00001220517716825717918196101},
        {1, -4.2, -1.3, 0.00001334179265657074579692467},
        {1, -4.2, -0.45, 0.00001334573801293071968405335},
        {1, -4.2, 0, 0.00001334574877972089159108535},
        {1, -4.2, 0.3, 0.00001334574900215604632771168},
        {1, -4.2, 1.05, 0.000013345749015902190192438},
        {1, -4.2, 2.2, 0.00001334574901590633835207214},
        {1, -4.2, 3.7, 0.00001334574901590633835309212},
        {1, -4.2, 6.1, 0.00001334574901590633835309212},
        {1, -2.6, -7.5, 0.00000000000003190891592935586884902608},
        {1, -2.6, -4.2, 0.00001220517716825717918196101},
        {1, -2.6, -2.6, 0.001471715333740995366016707},
        {1, -2.6, -1.3, 0.004361151684959689883356246},
        {1, -2.6, -0.45, 0.004651056933026080572224605},
        {1, -2.6, 0, 0.004660330994602686072358773},
        {1, -2.6, 0.3, 0.004661061964101781067628838},
        {1, -2.6, 1.05, 0.00466118762552124092659684},
        {1, -2.6, 2.2, 0.004661188023714952026967903},
        {1, -2.6, 3.7, 0.004661188023718750250986557},
        {1, -2.6, 6.1, 0.004661188023718750250993409},
        {1, -1.3, -7.5, 0.00000000000003190891672910823489552047},
        {1, -1.3, -4.2, 0.00001334179265657074579692467},
        {1, -1.3, -2.6, 0.004361151684959689883356246},
        {1, -1.3, -1.3, 0.05269848474010383715735628},
        {1, -1.3, -0.45, 0.08863227521838546673821035},
        {1, -1.3, 0, 0.09490171188769905189319251},
        {1, -1.3, 0.3, 0.09623762219298081249043942},
        {1, -1.3, 1.05, 0.09678955460706329980793688},
        {1, -1.3, 2.2, 0.0968004827055104296117786},
        {1, -1.3, 3.7, 0.09680048458561017037384108},
        {1, -1.3, 6.1, 0.09680048458561033315200982},
        {1, -0.45, -7.5, 0.00000000000003190891672910896226979408},
        {1, -0.45, -4.2, 0.00001334573801293071968405335},
        {1, -0.45, -2.6, 0.004651056933026080572224605},
        {1, -0.45, -1.3, 0.08863227521838546673821035},
        {1, -0.45, -0.45, 0.2309045876617285937636666},
        {1, -0.45, 0, 0.288154761963027766956509},
        {1, -0.45, 0.3, 0.3094838107480155355804239},
        {1, -0.45, 1.05, 0.325385455511990740491294},
        {1, -0.45, 2.2, 0.3263542022502151773995043},
        {1, -0.45, 3.7, 0.3263552202868654454665412},
        {1, -0.45, 6.1, 0.326355220287920025768385},
        {1, 0, -7.5, 0.00000000000003190891672910896227766416},
        {1, 0, -4.2, 0.00001334574877972089159108535},
        {1, 0, -2.6, 0.004660330994602686072358773},
        {1, 0, -1.3, 0.09490171188769905189319251},
        {1, 0, -0.45, 0.288154761963027766956509},
        {1, 0, 0, 0.3939647010360770902959214},
        {1, 0, 0.3, 0.4441179371933948617703156},
        {1, 0, 1.05, 0.494629941105051854414611},
        {1, 0, 2.2, 0.4999859974709785669825116},
        {1, 0, 3.7, 0.4999999999474296826570878},
        {1, 0, 6.1, 0.4999999999999999999999991},
        {1, 0.3, -7.5, 0.00000000000003190891672910896227767281},
        {1, 0.3, -4.2, 0.00001334574900215604632771168},
        {1, 0.3, -2.6, 0.004661061964101781067628838},
        {1, 0.3, -1.3, 0.09623762219298081249043942},
        {1, 0.3, -0.45, 0.3094838107480155355804239},
        {1, 0.3, 0, 0.4441179371933948617703156},
        {1, 0.3, 0.3, 0.5167182365595506939396635},
        {1, 0.3, 1.05, 0.604671635703308484330347},
        {1, 0.3, 2.2, 0.6178498206630134386799563},
        {1, 0.3, 3.7, 0.6179114216511523197945656},
        {1, 0.3, 6.1, 0.617911422188952637306492},
        {1, 1.05, -7.5, 0.00000000000003190891672910896227767288},
        {1, 1.05, -4.2, 0.000013345749015902190192438},
        {1, 1.05, -2.6, 0.00466118762552124092659684},
        {1, 1.05, -1.3, 0.09678955460706329980793688},
        {1, 1.05, -0.45, 0.325385455511990740491294},
        {1, 1.05, 0, 0.494629941105051854414611},
        {1, 1.05, 0.3, 0.604671635703308484330347},
        {1, 1.05, 1.05, 0.7933190075529526210911617},
        {1, 1.05, 2.2, 0.8521166562158610202556766},
        {1, 1.05, 3.7, 0.8531408752556373927412899},
        {1, 1.05, 6.1, 0.8531409436241040543875053},
        {1, 2.2, -7.5, 0.00000000000003190891672910896227767288},
        {1, 2.2, -4.2, 0.00001334574901590633835207214},
        {1, 2.2, -2.6, 0.004661188023714952026967903},
        {1, 2.2, -1.3, 0.0968004827055104296117786},
        {1, 2.2, -0.45, 0.3263542022502151773995043},
        {1, 2.2, 0, 0.4999859974709785669825116},
        {1, 2.2, 0.3, 0.6178498206630134386799563},
        {1, 2.2, 1.05, 0.8521166562158610202556766},
        {1, 2.2, 2.2, 0.9774800985705518560598964},
        {1, 2.2, 3.7, 0.9860878731384640789182188},
        {1, 2.2, 6.1, 0.9860965524864976712655492},
        {1, 3.7, -7.5, 0.00000000000003190891672910896227767288},
        {1, 3.7, -4.2, 0.00001334574901590633835309212},
        {1, 3.7, -2.6, 0.004661188023718750250986557},
        {1, 3.7, -1.3, 0.09680048458561017037384108},
        {1, 3.7, -0.45, 0.3263552202868654454665412},
        {1, 3.7, 0, 0.4999999999474296826570878},
        {1, 3.7, 0.3, 0.6179114216511523197945656},
        {1, 3.7, 1.05, 0.8531408752556373927412899},
        {1, 3.7, 2.2, 0.9860878731384640789182188},
        {1, 3.7, 3.7, 0.9998031624944942821316895},
        {1, 3.7, 6.1, 0.9998922002526491584870105},
        {1, 6.1, -7.5, 0.00000000000003190891672910896227767288},
        {1, 6.1, -4.2, 0.00001334574901590633835309212},
        {1, 6.1, -2.6, 0.004661188023718750250993409},
        {1, 6.1, -1.3, 0.09680048458561033315200982},
        {1, 6.1, -0.45, 0.326355220287920025768385},
        {1, 6.1, 0, 0.4999999999999999999999991},
        {1, 6.1, 0.3, 0.617911422188952637306492},
        {1, 6.1, 1.05, 0.8531409436241040543875053},
        {1, 6.1, 2.2, 0.9860965524864976712655492},
        {1, 6.1, 3.7, 0.9998922002526491584870105},
        {1, 6.1, 6.1, 0.9999999989555593838735563},
        {-1, -7.5, -7.5, 0.0000000000000000000000000000000000000000000000000001425071956365221672087346},
        {-1, -7.5, -4.2, -0.000000000000000000000000000000000000000000000000000000000004978412222288913365715251},
        {-1, -7.5, -2.6, 0.0},
        {-1, -7.5, -1.3, 0.000000000000000000000000000000000000000000001336198634283138266112403},
        {-1, -7.5, -0.45, 0.000000000000000000000000000000000000005729874931664426499332571},
        {-1, -7.5, 0, 0.000000000000000000000000000000000008725639083719336650631486},
        {-1, -7.5, 0.3, 0.0000000000000000000000000000000008638414520737876885594142},
        {-1, -7.5, 1.05, 0.00000000000000000000000000003055309197929845877144407},
        {-1, -7.5, 2.2, 0.00000000000000000000001750027673674946739210906},
        {-1, -7.5, 3.7, 0.000000000000000003692351429516348737932316},
        {-1, -7.5, 6.1, 0.00000000000001804500268663087317545364},
        {-1, -4.2, -7.5, -0.000000000000000000000000000000000000000000000000000000000004978412222288913365715251},
        {-1, -4.2, -4.2, 0.0000000000000000000000000000000000000009824021122817994997541618},
        {-1, -4.2, -2.6, 0.00000000000000000000000000231212891493140156320063},
        {-1, -4.2, -1.3, 0.0000000000000000002023747359936699973452423},
        {-1, -4.2, -0.45, 0.000000000000003046627037988753570343775},
        {-1, -4.2, 0, 0.000000000000236185446762006767979164},
        {-1, -4.2, 0.3, 0.000000000003235062688755979726843834},
        {-1, -4.2, 1.05, 0.0000000008424781309733015919871823},
        {-1, -4.2, 2.2, 0.0000003014305034298788679704112},
        {-1, -4.2, 3.7, 0.000008555181281994120628562563},
        {-1, -4.2, 6.1, 0.00001334528589097470830610315},
        {-1, -2.6, -7.5, 0.0},
        {-1, -2.6, -4.2, 0.00000000000000000000000000231212891493140156320063},
        {-1, -2.6, -2.6, 0.00000000000000003106106244949257523043267},
        {-1, -2.6, -1.3, 0.00000000004282524672258946106553265},
        {-1, -2.6, -0.45, 0.000000044531566613660352577724},
        {-1, -2.6, 0, 0.0000008570291160641786346360222},
        {-1, -2.6, 0.3, 0.000004691430068613537802897888},
        {-1, -2.6, 1.05, 0.0001309519708373513759796791},
        {-1, -2.6, 2.2, 0.002092887091257855997234226},
        {-1, -2.6, 3.7, 0.004577096211508926068723365},
        {-1, -2.6, 6.1, 0.004661187493433175431974895},
        {-1, -1.3, -7.5, 0.000000000000000000000000000000000000000000001336198634283138266112403},
        {-1, -1.3, -4.2, 0.0000000000000000002023747359936699973452423},
        {-1, -1.3, -2.6, 0.00000000004282524672258946106553265},
        {-1, -1.3, -1.3, 0.000002185373513683381573561925},
        {-1, -1.3, -0.45, 0.0002840628900385902579574465},
        {-1, -1.3, 0, 0.001898772697911281258817319},
        {-1, -1.3, 0.3, 0.005264764859946899459356831},
        {-1, -1.3, 1.05, 0.03060607902664327036282615},
        {-1, -1.3, 2.2, 0.08489755042227770933989118},
        {-1, -1.3, 3.7, 0.09669293903695706641266389},
        {-1, -1.3, 6.1, 0.09680048405526800873568101},
        {-1, -0.45, -7.5, 0.000000000000000000000000000000000000005729874931664426499332571},
        {-1, -0.45, -4.2, 0.000000000000003046627037988753570343775},
        {-1, -0.45, -2.6, 0.000000044531566613660352577724},
        {-1, -0.45, -1.3, 0.0002840628900385902579574465},
        {-1, -0.45, -0.45, 0.01048420807345696350348425},
        {-1, -0.45, 0, 0.03820045832489225881187603},
        {-1, -0.45, 0.3, 0.07312010864091790568900716},
        {-1, -0.45, 1.05, 0.1989250470558383387858664},
        {-1, -0.45, 2.2, 0.3125712713182329901876776},
        {-1, -0.45, 3.7, 0.3262474221366892142016148},
        {-1, -0.45, 6.1, 0.3263552197575776994737229},
        {-1, 0, -7.5, 0.000000000000000000000000000000000008725639083719336650631486},
        {-1, 0, -4.2, 0.000000000000236185446762006767979164},
        {-1, 0, -2.6, 0.0000008570291160641786346360222},
        {-1, 0, -1.3, 0.001898772697911281258817319},
        {-1, 0, -0.45, 0.03820045832489225881187603},
        {-1, 0, 0, 0.1060352989639229097040786},
        {-1, 0, 0.3, 0.1737934849955577755362133},
        {-1, 0, 1.05, 0.3585110025190522001316715},
        {-1, 0, 2.2, 0.4861105550155228224027346},
        {-1, 0, 3.7, 0.4998922003190929290059747},
        {-1, 0, 6.1, 0.4999999994696576737051179},
        {-1, 0.3, -7.5, 0.0000000000000000000000000000000008638414520737876885594142},
        {-1, 0.3, -4.2, 0.000000000003235062688755979726843834},
        {-1, 0.3, -2.6, 0.000004691430068613537802897888},
        {-1, 0.3, -1.3, 0.005264764859946899459356831},
        {-1, 0.3, -0.45, 0.07312010864091790568900716},
        {-1, 0.3, 0, 0.1737934849955577755362133},
        {-1, 0.3, 0.3, 0.2620858952479776238859131},
        {-1, 0.3, 1.05, 0.4728546044771619533350963},
        {-1, 0.3, 2.2, 0.6040105488923852273787853},
        {-1, 0.3, 3.7, 0.6178036224595815876375549},
        {-1, 0.3, 6.1, 0.617911421658610311011646},
        {-1, 1.05, -7.5, 0.00000000000000000000000000003055309197929845877144407},
        {-1, 1.05, -4.2, 0.0000000008424781309733015919871823},
        {-1, 1.05, -2.6, 0.0001309519708373513759796791},
        {-1, 1.05, -1.3, 0.03060607902664327036282615},
        {-1, 1.05, -0.45, 0.1989250470558383387858664},
        {-1, 1.05, 0, 0.3585110025190522001316715},
        {-1, 1.05, 0.3, 0.4728546044771619533350963},
        {-1, 1.05, 1.05, 0.7063306137675248406334937},
        {-1, 1.05, 2.2, 0.8392375105120583582210594},
        {-1, 1.05, 3.7, 0.8530331438906292673270971},
        {-1, 1.05, 6.1, 0.8531409430937617282513995},
        {-1, 2.2, -7.5, 0.00000000000000000000001750027673674946739210906},
        {-1, 2.2, -4.2, 0.0000003014305034298788679704112},
        {-1, 2.2, -2.6, 0.002092887091257855997234226},
        {-1, 2.2, -1.3, 0.08489755042227770933989118},
        {-1, 2.2, -0.45, 0.3125712713182329901876776},
        {-1, 2.2, 0, 0.4861105550155228224027346},
        {-1, 2.2, 0.3, 0.6040105488923852273787853},
        {-1, 2.2, 1.05, 0.8392375105120583582210594},
        {-1, 2.2, 2.2, 0.9721931049733408721405287},
        {-1, 2.2, 3.7, 0.9859887527530240010503296},
        {-1, 2.2, 6.1, 0.9860965519561590630903631},
        {-1, 3.7, -7.5, 0.000000000000000003692351429516348737932316},
        {-1, 3.7, -4.2, 0.000008555181281994120628562563},
        {-1, 3.7, -2.6, 0.004577096211508926068723365},
        {-1, 3.7, -1.3, 0.09669293903695706641266389},
        {-1, 3.7, -0.45, 0.3262474221366892142016148},
        {-1, 3.7, 0, 0.4998922003190929290059747},
        {-1, 3.7, 0.3, 0.6178036224595815876375549},
        {-1, 3.7, 1.05, 0.8530331438906292673270971},
        {-1, 3.7, 2.2, 0.9859887527530240010503296},
        {-1, 3.7, 3.7, 0.9997844005330452233261251},
        {-1, 3.7, 6.1, 0.9998921997361802853681796},
        {-1, 6.1, -7.5, 0.00000000000001804500268663087317545364},
        {-1, 6.1, -4.2, 0.00001334528589097470830610315},
        {-1, 6.1, -2.6, 0.004661187493433175431974895},
        {-1, 6.1, -1.3, 0.09680048405526800873568101},
        {-1, 6.1, -0.45, 0.3263552197575776994737229},
        {-1, 6.1, 0, 0.4999999994696576737051179},
        {-1, 6.1, 0.3, 0.617911421658610311011646},
        {-1, 6.1, 1.05, 0.8531409430937617282513995},
        {-1, 6.1, 2.2, 0.9860965519561590630903631},
        {-1, 6.1, 3.7, 0.9998921997361802853681796},
        {-1, 6.1, 6.1, 0.9999999989393153474102341},
        {1, 1.5, -1.5, 0.06680707720694992629497101934769210603446},
        {1, 1.2, -1.25, 0.1056439119802493811480097279694892399352},
        {1, 0.8, -0.8, 0.2112097727607068826770710736478346686855},
        {-1, -1.5, -1.5, 0.0000001240619081397095230216321939734884394976},
        {-1, -1.2, -1.25, 0.000005861686605876540763036056257314912437672},
        {-1, 1.5, 1.5, 0.8663857215241920077005349396724218144426},
    };
}
