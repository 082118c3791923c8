package dev.paperdesk.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Small cases computed by hand from TA-Lib's algorithm definitions (ta_func/*.c), so that seeding,
 * alignment and lookback are pinned down exactly. Each comment shows the hand calculation.
 */
class TaLibConventionsTest {
    private static final double NaN = Double.NaN;
    private static final Offset<Double> EXACT = within(1e-12);

    private static void assertSeries(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("index %d", i).isNaN();
            } else {
                assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], EXACT);
            }
        }
    }

    @Test
    void smaIsTheTrailingMeanFromBarPeriodMinusOne() {
        assertSeries(Sma.batch(new double[] {1, 2, 3, 4, 5}, 3), NaN, NaN, 2, 3, 4);
        assertSeries(Sma.batch(new double[] {1, 2}, 3), NaN, NaN);
    }

    @Test
    void emaIsSeededWithTheSimpleMeanOfTheFirstPeriodValues() {
        // k = 2/(3+1) = 0.5; seed at bar 2 = (2+4+6)/3 = 4; then 4+0.5(8-4)=6, 6+0.5(4-6)=5, 5+0.5(2-5)=3.5
        assertSeries(Ema.batch(new double[] {2, 4, 6, 8, 4, 2}, 3), NaN, NaN, 4, 6, 5, 3.5);
    }

    @Test
    void wmaWeightsTheNewestValueMost() {
        // (1·1 + 2·2 + 3·3)/6 and (2·1 + 3·2 + 4·3)/6
        assertSeries(Wma.batch(new double[] {1, 2, 3, 4}, 3), NaN, NaN, 14.0 / 6, 20.0 / 6);
    }

    @Test
    void demaAndTemaChainEmasFromTheFirstDefinedValue() {
        double[] x = {2, 4, 6, 8, 4, 2};
        // k = 2/3. e1 (seed bar 1 = 3): 3, 5, 7, 5, 3. e2 over e1 (seed bar 2 = (3+5)/2 = 4): 4, 6, 16/3, 34/9.
        // DEMA = 2 e1 - e2 from bar 2 = 2(period-1).
        assertSeries(Dema.batch(x, 2), NaN, NaN, 6, 8, 10 - 16.0 / 3, 6 - 34.0 / 9);
        // e3 over e2 (seed bar 3 = (4+6)/2 = 5): 5, 47/9, 115/27. TEMA = 3 e1 - 3 e2 + e3 from bar 3.
        assertSeries(Tema.batch(x, 2), NaN, NaN, NaN, 8, 15 - 16 + 47.0 / 9, 9 - 34.0 / 3 + 115.0 / 27);
    }

    @Test
    void macdAlignsTheFastEmaToStartWithTheSlowOne() {
        double[] x = {1, 3, 2, 5, 4, 6, 5};
        double[][] m = Macd.batch(x, 2, 3, 2);
        // slow EMA(3), k = 1/2, seeded at bar 2 with (1+3+2)/3 = 2: 2, 3.5, 3.75, 4.875, 4.9375.
        // fast EMA(2), k = 2/3, fed from bar slow-fast = 1, so seeded at bar 2 with (3+2)/2 = 2.5
        // (not at bar 1 with (1+3)/2): 2.5, 25/6, 73/18, 289/54, 829/162.
        double[] line = {NaN, NaN, 0.5, 25.0 / 6 - 3.5, 73.0 / 18 - 3.75, 289.0 / 54 - 4.875, 829.0 / 162 - 4.9375};
        // signal EMA(2) of the line from bar 2, seeded at bar 3 with (line2 + line3)/2.
        double s3 = (line[2] + line[3]) / 2;
        double s4 = (line[4] - s3) * 2 / 3 + s3;
        double s5 = (line[5] - s4) * 2 / 3 + s4;
        double s6 = (line[6] - s5) * 2 / 3 + s5;
        // All three outputs start at bar slow + signal - 2 = 3, as TA-Lib's outBegIdx.
        assertSeries(m[Macd.LINE], NaN, NaN, NaN, line[3], line[4], line[5], line[6]);
        assertSeries(m[Macd.SIGNAL], NaN, NaN, NaN, s3, s4, s5, s6);
        assertSeries(m[Macd.HISTOGRAM], NaN, NaN, NaN, line[3] - s3, line[4] - s4, line[5] - s5, line[6] - s6);
        assertThat(new Macd(12, 26, 9).lookback()).isEqualTo(33);
    }

    @Test
    void bollingerUsesThePopulationStandardDeviation() {
        double[][] b = BollingerBands.batch(new double[] {1, 2, 3, 4, 10}, 3, 2);
        // bar 2: mean 2, variance (1+0+1)/3; bar 4: mean 17/3, variance (64+25+169)/9/3 = 86/9
        // (the sample deviation would divide by 2 instead).
        assertSeries(b[BollingerBands.MIDDLE], NaN, NaN, 2, 3, 17.0 / 3);
        assertThat(b[BollingerBands.UPPER][2]).isCloseTo(2 + 2 * Math.sqrt(2.0 / 3), EXACT);
        assertThat(b[BollingerBands.LOWER][4]).isCloseTo(17.0 / 3 - 2 * Math.sqrt(86.0 / 9), EXACT);
    }

    @Test
    void bollingerStaysAccurateAtLargePriceLevels() {
        // A tiny wiggle on a huge level: raw sums of squares would lose every digit of the variance.
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e9 + (i % 2 == 0 ? 0.5 : -0.5);
        }
        double[][] b = BollingerBands.batch(x, 20, 1);
        assertThat(b[BollingerBands.UPPER][999] - b[BollingerBands.MIDDLE][999]).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void rsiSeedsWithSimpleMeansThenSmoothsLikeWilder() {
        // changes +1 -1 +2 -1 +2. bar 2: gain 1/2, loss 1/2 -> 50.
        // bar 3: gain (0.5+2)/2 = 1.25, loss 0.5/2 = 0.25 -> 100·1.25/1.5.
        // bar 4: gain 0.625, loss (0.25+1)/2 = 0.625 -> 50. bar 5: gain 1.3125, loss 0.3125.
        assertSeries(Rsi.batch(new double[] {1, 2, 1, 3, 2, 4}, 2), NaN, NaN, 50, 125.0 / 1.5, 50, 131.25 / 1.625);
        // No movement at all reads 0, as TA-Lib.
        assertSeries(Rsi.batch(new double[] {5, 5, 5, 5}, 2), NaN, NaN, 0, 0);
    }

    private static final double[] H = {10, 11, 12, 11, 10};
    private static final double[] L = {8, 9, 9.5, 8, 7};
    private static final double[] C = {9, 10, 11, 8.5, 9};

    @Test
    void atrStartsAtBarPeriodWithTheMeanOfTrueRangesFromBarOne() {
        // TR from bar 1: 2, 2.5, 3, 3. ATR(2): bar 2 = (2+2.5)/2; then (atr·1 + tr)/2.
        assertSeries(Atr.batch(H, L, C, 2), NaN, NaN, 2.25, 2.625, 2.8125);
    }

    @Test
    void adxFollowsTaLibSeeding() {
        double[][] a = Adx.batch(H, L, C, 2);
        // Bar 1 (the period-1 = 1 seed bar): +DM 1, -DM 0, TR 2.
        // Bar 2: +DM 1, TR 2.5. Wilder sums s - s/2 + x: +DM 1.5, -DM 0, TR 3.5 -> +DI 300/7, -DI 0, DX 100.
        // Bar 3: up -1, down 1.5 -> -DM 1.5, TR 3. +DM 0.75, -DM 1.5, TR 4.75 -> DX 100·0.75/2.25.
        //   First ADX at bar 2·2-1 = 3: (100 + 100/3)/2.
        // Bar 4: -DM 1, TR 3. +DM 0.375, -DM 1.75, TR 5.375 -> DX 100·1.375/2.125; ADX (adx + dx)/2.
        double adx3 = (100 + 100.0 / 3) / 2;
        double dx4 = 100 * 1.375 / 2.125;
        assertSeries(a[Adx.PLUS_DI], NaN, NaN, 150 / 3.5, 75 / 4.75, 37.5 / 5.375);
        assertSeries(a[Adx.MINUS_DI], NaN, NaN, 0, 150 / 4.75, 175 / 5.375);
        assertSeries(a[Adx.ADX], NaN, NaN, NaN, adx3, (adx3 + dx4) / 2);
    }

    @Test
    void stochasticRsiAppliesTheStochasticFormulaToRsi() {
        // RSI(2) of {1,2,1,3,2,4} is 50, 83.33, 50, 80.77 from bar 2; the 2-bar stochastic of it:
        // bar 3: (83.33-50)/(83.33-50) = 100, bar 4: 0, bar 5: 100.
        double[][] s = StochasticRsi.batch(new double[] {1, 2, 1, 3, 2, 4}, 2, 2, 1, 1);
        assertSeries(s[StochasticRsi.K], NaN, NaN, NaN, 100, 0, 100);
        double[][] smoothed = StochasticRsi.batch(new double[] {1, 2, 1, 3, 2, 4}, 2, 2, 2, 1);
        assertSeries(smoothed[StochasticRsi.K], NaN, NaN, NaN, NaN, 50, 50);
    }

    @Test
    void obvStartsWithTheFirstVolume() {
        assertSeries(
                Obv.batch(new double[] {10, 11, 11, 9, 12}, new double[] {100, 200, 300, 400, 500}),
                100,
                300,
                300,
                -100,
                400);
    }

    @Test
    void rateOfChangeAndMomentum() {
        double[] x = {10, 11, 12, 0, 15};
        assertSeries(RateOfChange.batchPercent(x, 2), NaN, NaN, 20, -100, 25);
        assertSeries(RateOfChange.batchMomentum(x, 2), NaN, NaN, 2, -11, 3);
        // A zero base reads 0, as TA-Lib.
        assertSeries(RateOfChange.batchPercent(new double[] {0, 5}, 1), NaN, 0);
    }

    @Test
    void vwapRestartsAtTheSessionBoundary() {
        long[] t = {
            Instant.parse("2024-01-01T23:00:00Z").toEpochMilli(),
            Instant.parse("2024-01-01T23:30:00Z").toEpochMilli(),
            Instant.parse("2024-01-02T00:00:00Z").toEpochMilli(),
            Instant.parse("2024-01-02T00:30:00Z").toEpochMilli()
        };
        // Typical prices 10, 12, 20, 30 (high = low = close); volumes 100, 300, 0, 10.
        double[] tp = {10, 12, 20, 30};
        OhlcvArrays bars = new OhlcvArrays(t, tp, tp, tp, tp, new double[] {100, 300, 0, 10});
        // UTC midnight: the third bar opens a new session without volume yet.
        assertSeries(Vwap.batch(bars, 0), 10, (1000 + 3600) / 400.0, NaN, 30);
        // Sessions from 23:00 UTC: all four bars are one session.
        assertSeries(Vwap.batch(bars, 23 * 60), 10, 11.5, 11.5, (1000 + 3600 + 300) / 410.0);
    }

    @Test
    void donchianAndKeltner() {
        double[][] d = Donchian.batch(new double[] {5, 7, 6, 4}, new double[] {3, 4, 2, 1}, 2);
        assertSeries(d[Donchian.UPPER], NaN, 7, 7, 6);
        assertSeries(d[Donchian.MIDDLE], NaN, 5, 4.5, 3.5);
        assertSeries(d[Donchian.LOWER], NaN, 3, 2, 1);

        double[][] k = Keltner.batch(H, L, C, 2, 1.5, 2);
        double[] ema = Ema.batch(C, 2);
        double[] atr = Atr.batch(H, L, C, 2);
        // Defined once both the EMA (bar 1) and the ATR (bar 2) are.
        assertThat(k[Keltner.MIDDLE][1]).isNaN();
        for (int i = 2; i < C.length; i++) {
            assertThat(k[Keltner.MIDDLE][i]).isEqualTo(ema[i]);
            assertThat(k[Keltner.UPPER][i]).isEqualTo(ema[i] + 1.5 * atr[i]);
            assertThat(k[Keltner.LOWER][i]).isEqualTo(ema[i] - 1.5 * atr[i]);
        }
    }

    @Test
    void parabolicSarFollowsTaLibStartAndReversal() {
        double[] high = {10, 11, 12, 11.5, 10, 9};
        double[] low = {9, 10, 11, 9.0, 8, 7.5};
        // Bar 1 has no -DM (the low rose): long, SAR = bar 0's low 9, EP = 11.
        // Bar 1 outputs 9; next = 9 + 0.02(11-9) = 9.04. Bar 2 outputs 9.04, new high: EP 12, af 0.04,
        // next = 9.04 + 0.04(12-9.04) = 9.1584. Bar 3's low 9 pierces it: short at the old EP, 12;
        // next = 12 + 0.02(9-12) = 11.94, pushed above the last two highs -> 12. Bar 4 outputs 12,
        // new low: EP 8, af 0.04, next = 12 + 0.04(8-12) = 11.84. Bar 5 outputs 11.84.
        assertSeries(ParabolicSar.batch(high, low, 0.02, 0.2), NaN, 9, 9.04, 12, 12, 11.84);
    }
}
