package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain kernel against the same formulas evaluated in 40-digit arithmetic (mpmath, generator
 * {@code bsm_reference.py} beside the data): 600 random calls and puts (K/S 0.3–3, one day to five
 * years, σ 1–200%, r −2–15%, q 0–10%), 64 far-tail cases (|d| up to ~37) and 36 at-the-money cases
 * with σ√T of 1e-3 or less, where d is mostly drift.
 *
 * <p>The bound is what the inputs allow, not a fixed relative error: ln(S/K) carries a rounding of an
 * ulp, so d carries about ulp·(|d| + 1/σ√T); a normal tail Φ(−|d|) or density moves relatively by up to
 * (1 + |d|) times that. Every output is held to 4e-16·(1 + |d|)·(1 + |d| + 1/σ√T) of its size (the
 * value and theta, being differences, of the size of their terms). Measured: at most 1.4e-16 times
 * that factor (the previous kernel, 2.1e-16).
 */
class BsmHighPrecisionTest {
    private static final String[] NAMES = {"value", "delta", "gamma", "vega", "theta", "rho"};

    static List<double[]> rows() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (var in = BsmHighPrecisionTest.class.getResourceAsStream("bsm_mpmath.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    row[i] = Double.parseDouble(f[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void chainKernelMatchesTheFortyDigitReference() throws IOException {
        List<double[]> rows = rows();
        assertThat(rows).hasSize(700);
        PriceAndGreeks out = new PriceAndGreeks();
        for (double[] c : rows) {
            BlackScholesEuropeanPricer.priceAndGreeks(c[0], c[1], c[2], c[3], c[4], c[5], c[6], out);
            double[] got = {out.value(), out.delta(), out.gamma(), out.vega(), out.theta(), out.rho()};
            double stdDev = c[6] * Math.sqrt(c[3]);
            double d1 = (Math.log(c[1] / c[2]) + (c[4] - c[5]) * c[3]) / stdDev + 0.5 * stdDev;
            double d = Math.max(Math.abs(d1), Math.abs(d1 - stdDev));
            // the value and theta are differences: their rounding scales with their terms, A = θS·e^{−qT}N(θd1)
            // (= S·|delta|) and B = θK·e^{−rT}N(θd2) (= |rho|/T), not with themselves
            double a = c[1] * Math.abs(c[8]);
            double b = Math.abs(c[12]) / c[3];
            double[] magnitude = {
                a + b,
                Math.abs(c[8]),
                c[9],
                c[10],
                c[10] * c[6] / (2 * c[3]) + c[5] * a + Math.abs(c[4]) * b,
                Math.abs(c[12])
            };
            double conditioning = (1 + d) * (1 + d + 1 / stdDev);
            for (int j = 0; j < 6; j++) {
                double expected = c[7 + j];
                assertThat(got[j])
                        .as("%s of %s", NAMES[j], java.util.Arrays.toString(c))
                        .isCloseTo(expected, within(4e-16 * conditioning * magnitude[j] + Double.MIN_NORMAL));
            }
        }
    }

    @Test
    void theValueIsTheSameDoubleThroughEveryEntryPoint() throws IOException {
        PriceAndGreeks out = new PriceAndGreeks();
        for (double[] c : rows()) {
            BlackScholesEuropeanPricer.priceAndGreeks(c[0], c[1], c[2], c[3], c[4], c[5], c[6], out);
            OptionInputs in = new OptionInputs(
                    c[0] > 0
                            ? dev.paperdesk.engine.model.Instrument.OptionRight.CALL
                            : dev.paperdesk.engine.model.Instrument.OptionRight.PUT,
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5],
                    c[6]);
            assertThat(BlackScholesEuropeanPricer.price(c[0], c[1], c[2], c[3], c[4], c[5], c[6]))
                    .isEqualTo(out.value());
            OptionValuation v = BlackScholesEuropeanPricer.DEFAULT.valuation(in);
            assertThat(v.value()).isEqualTo(out.value());
            assertThat(v.delta()).isEqualTo(out.delta());
        }
    }
}
