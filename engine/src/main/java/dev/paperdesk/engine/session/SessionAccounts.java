package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.risk.PositionSizer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Accounts as the desktop and the command line see them: thread-safe portfolio commands that run
 * on the engine's loop, and margin, risk and history views readable from any thread.
 */
public final class SessionAccounts {
    /** Runs work on the engine's loop. */
    interface Runner {
        <T> CompletableFuture<T> run(Callable<T> work);
    }

    private final AccountService service;
    private final Runner runner;

    SessionAccounts(AccountService service, Runner runner) {
        this.service = service;
        this.runner = runner;
    }

    /** The margin account of a portfolio (equity, margin, leverage, limits, positions with liquidation prices). */
    public Optional<AccountSnapshot> account(PortfolioId id) {
        return service.account(id);
    }

    /** Every account record of a portfolio, oldest first per kind. */
    public List<AccountRecord> history(PortfolioId id) {
        return service.history(id);
    }

    public List<AccountRecord.FundingPayment> fundingHistory(PortfolioId id) {
        return of(id, AccountRecord.FundingPayment.class);
    }

    public List<AccountRecord.Liquidation> liquidations(PortfolioId id) {
        return of(id, AccountRecord.Liquidation.class);
    }

    public List<AccountRecord.MarginEvent> marginHistory(PortfolioId id) {
        return of(id, AccountRecord.MarginEvent.class);
    }

    public List<AccountRecord.PortfolioEvent> portfolioEvents(PortfolioId id) {
        return of(id, AccountRecord.PortfolioEvent.class);
    }

    /** The insurance fund's balance per currency. */
    public Map<Currency, BigDecimal> insuranceFund() {
        return service.fundBalances();
    }

    public List<AccountRecord.InsuranceFundEntry> insuranceFundHistory() {
        return service.fundHistory();
    }

    private <T extends AccountRecord> List<T> of(PortfolioId id, Class<T> kind) {
        return service.history(id).stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .toList();
    }

    /**
     * Sizes a trade so that a move from {@code entry} to {@code stop} loses {@code riskPercent} of
     * the portfolio's equity; fails with {@link IllegalArgumentException} on unusable inputs.
     */
    public CompletableFuture<PositionSizer.Sizing> size(
            PortfolioId id, InstrumentId instrument, BigDecimal riskPercent, BigDecimal entry, BigDecimal stop) {
        return runner.run(() -> service.size(id, instrument, riskPercent, entry, stop));
    }

    public CompletableFuture<PortfolioId> create(PortfolioSpec spec) {
        return runner.run(() -> service.createPortfolio(spec).id());
    }

    public CompletableFuture<Void> reset(PortfolioId id) {
        return runner.run(() -> {
            service.reset(id);
            return null;
        });
    }

    public CompletableFuture<Void> topUp(PortfolioId id, BigDecimal amount) {
        return runner.run(() -> {
            service.topUp(id, amount);
            return null;
        });
    }

    public CompletableFuture<Void> archive(PortfolioId id, boolean archived) {
        return runner.run(() -> {
            service.archive(id, archived);
            return null;
        });
    }

    public CompletableFuture<PortfolioId> clonePortfolio(PortfolioId id, String newName) {
        return runner.run(() -> service.clonePortfolio(id, newName).id());
    }

    public CompletableFuture<Void> delete(PortfolioId id) {
        return runner.run(() -> {
            service.delete(id);
            return null;
        });
    }

    public CompletableFuture<Void> updateSettings(
            PortfolioId id, String name, String description, PortfolioSettings settings) {
        return runner.run(() -> {
            service.updateSettings(id, name, description, settings);
            return null;
        });
    }

    public CompletableFuture<Void> setPositionMargin(
            PortfolioId id, InstrumentId instrument, MarginMode mode, int leverage) {
        return runner.run(() -> {
            service.setPositionMargin(id, instrument, mode, leverage);
            return null;
        });
    }

    /** Closes every open position at market; completes with the orders. */
    public CompletableFuture<List<Order>> closeAll(PortfolioId id) {
        return runner.run(() -> service.closeAll(id));
    }
}
