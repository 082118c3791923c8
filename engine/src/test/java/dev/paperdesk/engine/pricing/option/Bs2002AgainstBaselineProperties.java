package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.lang.management.ManagementFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free Bjerksund–Stensland kernel and the secant implied-volatility solve against the
 * retained previous implementation ({@link Bs2002BaselineKernel}): values and chain Greeks to 1e-12
 * relative, implied volatilities to the solvers' shared tolerance, the same no-solution answers.
 */
class Bs2002AgainstBaselineProperties {

    private static double relative(double x, double reference) {
        return Math.abs(x - reference) / Math.max(Math.abs(reference), Double.MIN_NORMAL);
    }

    @Property(tries = 3000)
    void valuesAndChainGreeksEqualThePreviousKernel(
            @ForAll boolean call,
            @ForAll @Scale(6) @DoubleRange(min = 5, max = 500) double spot,
            @ForAll @Scale(6) @DoubleRange(min = 0.4, max = 2.5) double moneyness,
            @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 3) double expiry,
            @ForAll @Scale(6) @DoubleRange(min = -0.01, max = 0.12) double rate,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.08) double dividendYield,
            @ForAll @Scale(6) @DoubleRange(min = 0.03, max = 1.5) double vol) {
        double sign = call ? 1.0 : -1.0;
        double strike = spot * moneyness;
        double expected = Bs2002BaselineKernel.price(sign, spot, strike, expiry, rate, dividendYield, vol);
        double actual = BjerksundStenslandAmericanPricer.price(sign, spot, strike, expiry, rate, dividendYield, vol);
        assertThat(relative(actual, expected)).isLessThanOrEqualTo(1e-12);

        PriceAndGreeks was = new PriceAndGreeks();
        PriceAndGreeks now = new PriceAndGreeks();
        Bs2002BaselineKernel.priceAndGreeks(sign, spot, strike, expiry, rate, dividendYield, vol, was);
        BjerksundStenslandAmericanPricer.priceAndGreeks(sign, spot, strike, expiry, rate, dividendYield, vol, now);
        assertThat(relative(now.value(), was.value())).as("value").isLessThanOrEqualTo(1e-12);
        // delta and gamma are analytic now (the baseline bumps the spot by ±0.1%): both against fine
        // differences of the value wherever the closed form is smooth across the stencil
        double[] fd = Bs2002SpotGreeksTest.fineDifferences(sign, spot, strike, expiry, rate, dividendYield, vol);
        if (fd != null) {
            // the differences carry the value's rounding (~1e-15 of the strike) over their steps of 1e-3 and
            // 1e-2 of a standard deviation of S_T
            double width = spot * vol * Math.sqrt(expiry);
            double rounding = 1e-15 * Math.max(spot, strike);
            assertThat(now.delta()).as("delta").isCloseTo(fd[0], within(1e-9 + 3e3 * rounding / width));
            assertThat(now.gamma() * width).as("gamma").isCloseTo(fd[1] * width, within(1e-7 + 2e5 * rounding / width));
        }
        // vega, rho and theta are analytic now too: the baseline's one-sided bumps (σ +0.001, r +1 bp, one
        // day) differ from the derivatives by O(bump), so they are compared with accurate central
        // differences of the value instead, wherever the stencils stay in the smooth region
        double[] fp = Bs2002ParameterGreeksTest.fineDifferences(sign, spot, strike, expiry, rate, dividendYield, vol);
        if (fp != null) {
            assertThat(now.vega()).as("vega").isCloseTo(fp[0], within(1e-8 * (1 + Math.abs(fp[0])) + fp[3]));
            assertThat(now.rho()).as("rho").isCloseTo(fp[1], within(2e-8 * (1 + Math.abs(fp[1])) + fp[4]));
            assertThat(now.theta()).as("theta").isCloseTo(fp[2], within(5e-8 * (1 + Math.abs(fp[2])) + fp[5]));
        }
    }

    /**
     * A sample that once failed: at σ = 5 % over three years β bends on a scale near the differences'
     * step, and the reference vega's own truncation (~5e-7) exceeded the allowance before the reference
     * estimated it.
     */
    @Test
    void aLowVolatilityLongDatedPutAtTheMoneyKeepsItsReferenceVega() {
        valuesAndChainGreeksEqualThePreviousKernel(false, 5.0007, 1.0, 3.0, 0.058, 0.0008, 0.05);
    }

    /**
     * Both solvers stop when the volatility is known to 1e-12 (Brent's bracket, the secant's last step),
     * so they agree to a few 1e-12 plus the price's rounding over vega where the price identifies the
     * volatility; elsewhere the secant's volatility reprices the option to within its rounding.
     */
    @Property(tries = 3000)
    void impliedVolatilityMatchesTheBrentSolve(
            @ForAll boolean call,
            @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 2.0) double moneyness,
            @ForAll @Scale(6) @DoubleRange(min = 0.003, max = 3) double expiry,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.10) double rate,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.06) double dividendYield,
            @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 1.2) double vol,
            @ForAll @Scale(6) @DoubleRange(min = 0.8, max = 1.2) double priceShift) {
        OptionInputs in = new OptionInputs(
                call ? OptionRight.CALL : OptionRight.PUT, 100, 100 * moneyness, expiry, rate, dividendYield, vol);
        // priceShift moves some prices out of the bounds, so no-solution answers are compared too
        double price = BjerksundStenslandAmericanPricer.DEFAULT.price(in) * priceShift;
        ImpliedVolatility expected = Bs2002BaselineKernel.impliedVolatility(in, price);
        ImpliedVolatility actual = BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatility(in, price);
        if (expected instanceof ImpliedVolatility.NoSolution no) {
            assertThat(actual).isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                    .isEqualTo(no.reason()));
            return;
        }
        double brent = ((ImpliedVolatility.Solved) expected).value();
        assertThat(actual).isInstanceOf(ImpliedVolatility.Solved.class);
        double secant = ((ImpliedVolatility.Solved) actual).value();
        double vega = (BjerksundStenslandAmericanPricer.DEFAULT.price(in.withVolatility(brent + 1e-6))
                        - BjerksundStenslandAmericanPricer.DEFAULT.price(in.withVolatility(brent)))
                / 1e-6;
        // The approximation sums twelve terms of the strike's size, so its value carries rounding of about
        // 1e-15 of the strike: the volatility is only defined to that rounding over vega. Where that is
        // coarser than 1e-10 (or the price has lost its digits near the end of the double range) the two
        // volatilities are only required to reprice the option to within that rounding.
        double rounding = 1e-15 * Math.max(in.spot(), in.strike());
        if (vega > 0 && 4 * rounding / vega <= 1e-10 && price > 1e-290) {
            assertThat(secant).isCloseTo(brent, within(3e-12 + 1e-12 * brent + 4 * rounding / vega));
        } else {
            assertThat(BjerksundStenslandAmericanPricer.DEFAULT.price(in.withVolatility(secant)))
                    .isCloseTo(price, within(1e-12 * price + 8 * rounding + 1e-290));
        }
    }

    @Test
    void pricingAContractAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PriceAndGreeks out = new PriceAndGreeks();
        double[] sink = new double[1];
        Runnable chain = () -> {
            for (int i = 0; i < 2_000; i++) {
                double strike = 60 + 0.04 * i;
                BjerksundStenslandAmericanPricer.priceAndGreeks(-1.0, 100, strike, 0.4, 0.04, 0.01, 0.3, out);
                sink[0] += out.value()
                        + out.delta()
                        + BjerksundStenslandAmericanPricer.price(1.0, 100, strike, 0.4, 0.04, 0.02, 0.3);
            }
        };
        chain.run(); // first use creates the holder's and the thread's workspaces
        long before = threads.getCurrentThreadAllocatedBytes();
        chain.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink[0]).isPositive();
        assertThat(allocated)
                .as("bytes allocated by 4,000 American values with Greeks")
                .isZero();
    }
}
