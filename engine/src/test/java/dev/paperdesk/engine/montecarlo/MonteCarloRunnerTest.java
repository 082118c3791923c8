package dev.paperdesk.engine.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.ReturnStatistics;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MonteCarloRunnerTest {
    static final double START = 10_000;

    /** 200 trades of mixed sign with P&L that is not a whole number of cents, over one year. */
    static TradeSample sample() {
        Random random = new Random(7);
        double[] pnl = new double[200];
        for (int i = 0; i < pnl.length; i++) {
            pnl[i] = (random.nextDouble() - 0.45) * 300 + 0.0137 * i;
        }
        return TradeSample.of(pnl, Duration.ofDays(365));
    }

    static MonteCarloConfig config(int paths, int parallelism) {
        return MonteCarloConfig.defaults(START, 20240601L).withPaths(paths).withParallelism(parallelism);
    }

    @Test
    void reshuffle_ends_every_path_at_the_original_final_equity_but_changes_the_route() {
        TradeSample sample = sample();
        MonteCarloResult result = MonteCarloRunner.run(new TradeSequenceShuffle(sample), config(2_000, 2));

        double original = result.original().finalEquity();
        assertThat(original).isCloseTo(START + Arrays.stream(sample.pnl()).sum(), within(1e-6));
        assertThat(result.finalEquity().values()).hasSize(2_000).containsOnly(original);
        assertThat(result.probabilityOfProfit()).isEqualTo(original > START ? 1.0 : 0.0);

        // the route differs: drawdowns spread out and the median path is not the original one
        double[] drawdowns = result.maxDrawdown().values();
        assertThat(Arrays.stream(drawdowns).distinct().count()).isGreaterThan(1_000);
        assertThat(result.maxDrawdown().p5()).isLessThan(result.maxDrawdown().p95());
        assertThat(result.bands().p5()[result.bands().steps().length / 2])
                .isLessThan(result.bands().p95()[result.bands().steps().length / 2]);
        // first and last band steps collapse: everyone starts at START and ends at the same equity
        int last = result.bands().steps().length - 1;
        assertThat(result.bands().p5()[0]).isEqualTo(START);
        assertThat(result.bands().p95()[0]).isEqualTo(START);
        assertThat(result.bands().p5()[last]).isEqualTo(original);
        assertThat(result.bands().p95()[last]).isEqualTo(original);
    }

    @Test
    void bootstrap_changes_the_final_equity_around_the_original() {
        TradeSample sample = sample();
        MonteCarloResult result = MonteCarloRunner.run(new TradeBootstrap(sample), config(4_000, 2));

        double original = result.original().finalEquity();
        Distribution finals = result.finalEquity();
        assertThat(Arrays.stream(finals.values()).distinct().count()).isGreaterThan(3_000);
        assertThat(finals.p5()).isLessThan(original);
        assertThat(finals.p95()).isGreaterThan(original);
        // the bootstrap mean of a sum of n draws is n times the sample mean: here the original total
        double standardError = Math.sqrt(sample.size()) * stdDev(sample.pnl()) / Math.sqrt(4_000);
        assertThat(finals.mean()).isCloseTo(original, within(4 * standardError));
        assertThat(finals.histogram().total()).isEqualTo(4_000);
        assertThat(finals.interval().lower()).isEqualTo(finals.p5());
        assertThat(finals.interval().upper()).isEqualTo(finals.p95());
    }

    @Test
    void same_seed_gives_identical_results_whatever_the_parallelism() {
        TradeSample sample = sample();
        for (ResamplingMethod method : List.of(
                new TradeSequenceShuffle(sample),
                new TradeBootstrap(sample),
                new StationaryBlockBootstrap(dailyReturns(300), 5, 252))) {
            MonteCarloResult one = MonteCarloRunner.run(method, config(1_500, 1));
            MonteCarloResult two = MonteCarloRunner.run(method, config(1_500, 2));
            MonteCarloResult three = MonteCarloRunner.run(method, config(1_500, 3));
            for (MonteCarloResult other : List.of(two, three)) {
                assertThat(other.finalEquity()).as(method.name()).isEqualTo(one.finalEquity());
                assertThat(other.maxDrawdown().values())
                        .isEqualTo(one.maxDrawdown().values());
                assertThat(other.sharpe().values()).isEqualTo(one.sharpe().values());
                assertThat(other.cagr().values()).isEqualTo(one.cagr().values());
                assertThat(other.bands()).isEqualTo(one.bands());
                assertThat(other.probabilityOfRuin()).isEqualTo(one.probabilityOfRuin());
            }
            MonteCarloResult reseeded =
                    MonteCarloRunner.run(method, config(1_500, 2).withSeed(99));
            assertThat(reseeded.maxDrawdown().values())
                    .isNotEqualTo(one.maxDrawdown().values());
        }
    }

    @Test
    void progress_is_monotonic_and_reaches_every_path() {
        List<int[]> calls = new CopyOnWriteArrayList<>();
        MonteCarloRunner.run(
                new TradeBootstrap(sample()),
                config(3_000, 2),
                (done, total) -> calls.add(new int[] {done, total}),
                CancellationToken.none());

        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(3_000, 3_000);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThan(calls.get(i - 1)[0]);
        }
        assertThat(calls).hasSize((3_000 + MonteCarloRunner.CHUNK - 1) / MonteCarloRunner.CHUNK);
    }

    @Test
    void cancellation_stops_the_run_early() {
        CancellationToken token = new CancellationToken();
        AtomicInteger lastDone = new AtomicInteger();
        assertThatThrownBy(() -> MonteCarloRunner.run(
                        new TradeBootstrap(sample()),
                        config(10_000, 2),
                        (done, total) -> {
                            lastDone.set(done);
                            token.cancel();
                        },
                        token))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("of 10000 paths");
        // at most the chunks already running on the two workers finish after the request
        assertThat(lastDone.get()).isGreaterThan(0).isLessThanOrEqualTo(3 * MonteCarloRunner.CHUNK);
    }

    @Test
    void a_token_cancelled_before_the_start_runs_no_path() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> MonteCarloRunner.run(
                        new TradeSequenceShuffle(sample()),
                        config(1_000, 1),
                        (done, total) -> calls.incrementAndGet(),
                        token))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("after 0 of 1000");
        assertThat(calls).hasValue(0);
    }

    @Test
    void ruin_and_drawdown_of_a_hand_computed_case() {
        // start 100: -60 then +100 dips to 40 (< 50, ruined, drawdown -60%); +100 then -60 peaks at 200
        // and ends at 140 (drawdown -30%). Shuffles pick either order with probability 1/2.
        TradeSample sample = TradeSample.of(new double[] {-60, 100}, Duration.ofHours(365 * 24 + 6));
        MonteCarloConfig config =
                MonteCarloConfig.defaults(100, 3).withPaths(4_000).withParallelism(2);
        MonteCarloResult result = MonteCarloRunner.run(new TradeSequenceShuffle(sample), config);

        assertThat(result.original().maxDrawdown()).isCloseTo(-0.6, within(1e-12));
        assertThat(result.original().ruined()).isTrue();
        assertThat(result.maxDrawdown().values()).containsOnly(-0.6, -0.3);
        long ruinedPaths = Arrays.stream(result.maxDrawdown().values())
                .filter(d -> d == -0.6)
                .count();
        assertThat(result.probabilityOfRuin()).isEqualTo(ruinedPaths / 4_000.0);
        assertThat(result.probabilityOfRuin()).isBetween(0.45, 0.55);
        assertThat(result.probabilityOfProfit()).isEqualTo(1.0);
        assertThat(result.finalEquity().values()).containsOnly(140.0);
        // one year of 365.25 days: CAGR = 140 / 100 - 1 whichever the order
        assertThat(result.cagr().p50()).isCloseTo(0.4, within(1e-12));

        MonteCarloResult strict = MonteCarloRunner.run(new TradeSequenceShuffle(sample), config.withRuinFloor(0.3));
        assertThat(strict.probabilityOfRuin()).isZero();
    }

    @Test
    void original_path_sharpe_matches_the_step_returns_annualised_by_trades_per_year() {
        TradeSample sample = TradeSample.of(new double[] {10, -20, 5, 7, -3}, Duration.ofDays(365 * 2 + 1));
        MonteCarloResult result = MonteCarloRunner.run(
                new TradeSequenceShuffle(sample),
                MonteCarloConfig.defaults(100, 1).withPaths(10));
        double[] equity = {100, 110, 90, 95, 102, 99};
        double[] steps = new double[5];
        for (int i = 0; i < 5; i++) {
            steps[i] = equity[i + 1] / equity[i] - 1;
        }
        double years = (365 * 2 + 1) / 365.25;
        PathMetrics original = result.original();
        assertThat(original.steps()).isEqualTo(5);
        assertThat(original.maxDrawdown()).isCloseTo(90.0 / 110 - 1, within(1e-12));
        assertThat(original.sharpe())
                .isCloseTo(ReturnStatistics.sharpeRatio(steps, 0, 1) * Math.sqrt(5 / years), within(1e-9));
        assertThat(original.cagr()).isCloseTo(Math.pow(0.99, 1 / years) - 1, within(1e-12));
    }

    @Test
    void block_bootstrap_blocks_have_the_requested_mean_length_and_wrap_around() {
        int n = 400;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 0.0001 * (i + 1); // distinct returns reveal which index each step used
        }
        ReturnSeries series = ReturnSeries.of(ReturnSeries.consecutiveDays(LocalDate.of(2024, 1, 1), n), r);
        int blocks = 0;
        int steps = 0;
        for (long seed = 0; seed < 40; seed++) {
            MonteCarloConfig one = MonteCarloConfig.defaults(1, seed)
                    .withPaths(1)
                    .withParallelism(1)
                    .withBandPoints(n + 1);
            double[] path = MonteCarloRunner.run(new StationaryBlockBootstrap(series, 8, 252), one)
                    .bands()
                    .p50();
            int previous = -1;
            for (int k = 1; k <= n; k++) {
                int index = (int) Math.round((path[k] / path[k - 1] - 1) / 0.0001) - 1;
                assertThat(index).isBetween(0, n - 1);
                if (previous < 0 || index != (previous + 1) % n) {
                    blocks++;
                }
                previous = index;
                steps++;
            }
        }
        // geometric block lengths with mean 8: 16,000 steps make about 2,000 blocks
        assertThat((double) steps / blocks).isCloseTo(8, within(0.8));
    }

    @Test
    void block_bootstrap_with_endless_blocks_rotates_the_original_series() {
        ReturnSeries series = dailyReturns(252);
        MonteCarloResult result = MonteCarloRunner.run(new StationaryBlockBootstrap(series, 1e12, 252), config(500, 2));
        double original = result.original().finalEquity();
        assertThat(original).isCloseTo(START * (1 + ReturnStatistics.cumReturnFinal(series.returns())), within(1e-6));
        for (double v : result.finalEquity().values()) {
            assertThat(v).isCloseTo(original, within(original * 1e-12));
        }
        // one year of daily returns: CAGR equals the total return
        assertThat(result.cagr().p50()).isCloseTo(original / START - 1, within(1e-9));
    }

    @Test
    void parameter_perturbation_calls_the_rerun_once_per_path_with_reproducible_seeds() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        PerturbedRun fake = perturbation -> {
            assertThat(seen.add(perturbation.path()))
                    .as("path %d run twice", perturbation.path())
                    .isTrue();
            assertThat(perturbation.seed()).isEqualTo(MonteCarloRunner.pathSeed(11, perturbation.path()));
            // the backtest "ends" path i with a profit of exactly i, after a seeded slippage round trip
            double slip = perturbation.random().nextDouble();
            return List.of(trade(0, -slip), trade(1, perturbation.path() + slip));
        };
        MonteCarloConfig config =
                MonteCarloConfig.defaults(1_000, 11).withPaths(600).withParallelism(2);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        MonteCarloResult result = MonteCarloRunner.run(
                new ParameterPerturbation(fake), config, (done, total) -> progress.add(done), CancellationToken.none());

        assertThat(seen).hasSize(600);
        assertThat(result.original()).isNull();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(600);
        double[] finals = result.finalEquity().values();
        for (int i = 0; i < finals.length; i++) {
            assertThat(finals[i]).isCloseTo(1_000 + i, within(2e-6));
        }
        assertThat(result.probabilityOfProfit()).isEqualTo(599 / 600.0);

        seen.clear();
        MonteCarloResult again = MonteCarloRunner.run(new ParameterPerturbation(fake), config.withParallelism(1));
        assertThat(again.maxDrawdown().values()).isEqualTo(result.maxDrawdown().values());
        assertThat(again.bands()).isEqualTo(result.bands());
    }

    @Test
    void reruns_of_different_lengths_pad_the_bands_with_their_final_equity() {
        PerturbedRun fake = perturbation -> {
            List<ClosedTrade> trades = new ArrayList<>();
            for (int i = 0; i <= perturbation.path() % 3; i++) {
                trades.add(trade(i, 10));
            }
            return trades;
        };
        MonteCarloResult result = MonteCarloRunner.run(
                new ParameterPerturbation(fake),
                MonteCarloConfig.defaults(100, 5).withPaths(9).withParallelism(1));
        assertThat(result.bands().steps()).containsExactly(0, 1, 2, 3);
        assertThat(result.bands().p5()).containsExactly(100, 110, 110, 110);
        assertThat(result.bands().p95()).containsExactly(100, 110, 120, 130);
        assertThat(result.finalEquity().values()).containsExactly(110, 120, 130, 110, 120, 130, 110, 120, 130);
    }

    @Test
    void bands_sample_long_paths_at_evenly_spaced_steps() {
        assertThat(MonteCarloRunner.bandSteps(3, 200)).containsExactly(0, 1, 2, 3);
        assertThat(MonteCarloRunner.bandSteps(1000, 5)).containsExactly(0, 250, 500, 750, 1000);
        int[] steps = MonteCarloRunner.bandSteps(999, 200);
        assertThat(steps).hasSize(200).startsWith(0).endsWith(999).isSorted().doesNotHaveDuplicates();
    }

    static ClosedTrade trade(int hour, double pnl) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(hour));
        return new ClosedTrade(
                InstrumentId.parse("BTC-USDT@binance"),
                AssetClass.CRYPTO_SPOT,
                "",
                t,
                t.plus(Duration.ofMinutes(30)),
                1,
                pnl,
                pnl / 1000,
                0);
    }

    static ReturnSeries dailyReturns(int n) {
        Random random = new Random(3);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = random.nextGaussian() * 0.01 + 0.0004;
        }
        return ReturnSeries.of(ReturnSeries.consecutiveDays(LocalDate.of(2023, 1, 1), n), r);
    }

    static double stdDev(double[] x) {
        return ReturnStatistics.nanStd(x, 1);
    }
}
