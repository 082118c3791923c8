package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.execution.FeeModel;
import java.util.Objects;

/** The five models in force for one scope (venue and/or asset class). */
public record ModelSet(FillModel fill, SlippageModel slippage, LatencyModel latency, FeeModel fee, QueueModel queue) {
    public ModelSet {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(queue, "queue");
    }

    /**
     * The paper-trading defaults: book walk where there is a book (impact comes from the book, so no
     * extra slippage), latency uniform 50–200 ms, each venue's fees, queue position at 20 %.
     */
    public static ModelSet paperTrading() {
        return new ModelSet(
                new FillModel.Auto(),
                new SlippageModel.None(),
                LatencyModel.Uniform.DEFAULT,
                VenueFeeModel.DEFAULT,
                QueueModel.QueuePosition.DEFAULT);
    }

    /** Quotes or bars without depth: fills at the touch or on bars, priced by size against depth (2 + 3 bps, cap 5). */
    public static ModelSet withoutBook(FeeModel fees) {
        return new ModelSet(
                new FillModel.Auto(),
                SlippageModel.SizeVsDepth.DEFAULT,
                LatencyModel.Uniform.DEFAULT,
                fees,
                QueueModel.QueuePosition.DEFAULT);
    }

    public ModelSet withFill(FillModel m) {
        return new ModelSet(m, slippage, latency, fee, queue);
    }

    public ModelSet withSlippage(SlippageModel m) {
        return new ModelSet(fill, m, latency, fee, queue);
    }

    public ModelSet withLatency(LatencyModel m) {
        return new ModelSet(fill, slippage, m, fee, queue);
    }

    public ModelSet withFee(FeeModel m) {
        return new ModelSet(fill, slippage, latency, m, queue);
    }

    public ModelSet withQueue(QueueModel m) {
        return new ModelSet(fill, slippage, latency, fee, m);
    }

    /** {@code fill=…; slippage=…; latency=…; fee=…; queue=…}, parseable by {@link #parse}. */
    public String spec() {
        return "fill=" + fill.spec() + "; slippage=" + slippage.spec() + "; latency=" + latency.spec() + "; fee="
                + fee.spec() + "; queue=" + queue.spec();
    }

    /** Parses {@link #spec}; every part is required. */
    public static ModelSet parse(String text) {
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("model set part must be kind=spec, not '" + p + "'");
            }
            parts.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        for (String k : new String[] {"fill", "slippage", "latency", "fee", "queue"}) {
            if (!parts.containsKey(k)) {
                throw new IllegalArgumentException("model set is missing '" + k + "=': " + text);
            }
        }
        return new ModelSet(
                FillModel.parse(parts.get("fill")),
                SlippageModel.parse(parts.get("slippage")),
                LatencyModel.parse(parts.get("latency")),
                FeeModels.parse(parts.get("fee")),
                QueueModel.parse(parts.get("queue")));
    }
}
