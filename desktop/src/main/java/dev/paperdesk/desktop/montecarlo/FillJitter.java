package dev.paperdesk.desktop.montecarlo;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.montecarlo.PerturbedRun;
import dev.paperdesk.engine.montecarlo.RunPerturbation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Re-prices a backtest's trades with random adverse slippage on every fill: each entry and exit
 * price moves against the trade by a half-normal fraction whose mean is {@code meanSlippageBps} basis
 * points, so each path is the same trades under a different draw of execution costs.
 *
 * <p>This perturbs fills, not the strategy's decisions: a trade that a worse fill would have skipped
 * or changed is still taken. The draws come only from {@link RunPerturbation#random()}, so a seed
 * gives the same paths.
 *
 * @param trades the original trades
 * @param entryNotional each trade's entry price times quantity, in the account currency
 * @param exitNotional each trade's exit price times quantity
 * @param meanSlippageBps mean adverse move per fill, in basis points, {@code >= 0}
 */
public record FillJitter(
        List<ClosedTrade> trades, double[] entryNotional, double[] exitNotional, double meanSlippageBps)
        implements PerturbedRun {

    /** Scales a standard normal's absolute value so that its mean is 1: E|Z| = sqrt(2 / pi). */
    private static final double HALF_NORMAL_MEAN = Math.sqrt(2 / Math.PI);

    public FillJitter {
        trades = List.copyOf(trades);
        entryNotional = entryNotional.clone();
        exitNotional = exitNotional.clone();
        if (entryNotional.length != trades.size() || exitNotional.length != trades.size()) {
            throw new IllegalArgumentException("one entry and one exit notional per trade");
        }
        if (!(meanSlippageBps >= 0) || Double.isInfinite(meanSlippageBps)) {
            throw new IllegalArgumentException(
                    "slippage must be a finite number of basis points >= 0, not " + meanSlippageBps);
        }
    }

    @Override
    public List<ClosedTrade> run(RunPerturbation perturbation) {
        SplittableRandom random = perturbation.random();
        double scale = meanSlippageBps / 10_000 / HALF_NORMAL_MEAN;
        List<ClosedTrade> out = new ArrayList<>(trades.size());
        for (int i = 0; i < trades.size(); i++) {
            ClosedTrade t = trades.get(i);
            double cost = Math.abs(entryNotional[i]) * Math.abs(random.nextGaussian()) * scale
                    + Math.abs(exitNotional[i]) * Math.abs(random.nextGaussian()) * scale;
            double pnl = t.pnl() - cost;
            double basis = Math.abs(entryNotional[i]);
            out.add(new ClosedTrade(
                    t.instrument(),
                    t.assetClass(),
                    t.tag(),
                    t.entryTime(),
                    t.exitTime(),
                    t.quantity(),
                    pnl,
                    basis == 0 ? 0 : pnl / basis,
                    t.fees()));
        }
        return out;
    }

    @Override
    public double[] entryNotional() {
        return entryNotional.clone();
    }

    @Override
    public double[] exitNotional() {
        return exitNotional.clone();
    }
}
