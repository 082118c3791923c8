package dev.paperdesk.engine.execution.models;

import java.util.List;

/**
 * The execution models in force, in words, as reports and backtests print them: the seed, each
 * scope's models and the instruments it covers, and the fill model each instrument actually uses
 * given its data.
 */
public record ModelAssumptions(long seed, List<Line> scopes, List<String> resolvedFillModels) {
    public ModelAssumptions {
        scopes = List.copyOf(scopes);
        resolvedFillModels = List.copyOf(resolvedFillModels);
    }

    /** One scope's models. */
    public record Line(
            String scope,
            String fill,
            String slippage,
            String latency,
            String fees,
            String queue,
            List<String> instruments) {
        public Line {
            instruments = List.copyOf(instruments);
        }
    }

    /** Plain text, one block per scope. */
    public String render() {
        StringBuilder sb = new StringBuilder("Execution model assumptions (seed ")
                .append(seed)
                .append(")\n");
        for (Line l : scopes) {
            sb.append("  scope ").append(l.scope());
            if (!l.instruments().isEmpty()) {
                sb.append(" (").append(l.instruments().size()).append(" instruments)");
            }
            sb.append('\n');
            sb.append("    fill:     ").append(l.fill()).append('\n');
            sb.append("    slippage: ").append(l.slippage()).append('\n');
            sb.append("    latency:  ").append(l.latency()).append('\n');
            sb.append("    fees:     ").append(l.fees()).append('\n');
            sb.append("    queue:    ").append(l.queue()).append('\n');
        }
        return sb.toString();
    }
}
