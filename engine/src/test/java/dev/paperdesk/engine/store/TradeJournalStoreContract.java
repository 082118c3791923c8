package dev.paperdesk.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.store.TradeJournalStore.Note;
import dev.paperdesk.engine.store.TradeJournalStore.NoteDraft;
import dev.paperdesk.engine.store.TradeJournalStore.Query;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every trade journal store does; each implementation runs these tests. */
public abstract class TradeJournalStoreContract {
    protected static final PortfolioId P1 = new PortfolioId(1);
    protected static final PortfolioId P2 = new PortfolioId(2);
    static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    static final InstrumentId BTC = new InstrumentId("BTC-USD", "sim");
    static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    protected static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** A store with portfolios 1 and 2 and no notes. */
    protected abstract TradeJournalStore store();

    private Note add(
            TradeJournalStore s,
            PortfolioId p,
            TradeJournalStore.Target t,
            String text,
            Set<String> tags,
            int minutes) {
        return s.add(new NoteDraft(p, t, text, tags, T0.plusSeconds(60L * minutes)));
    }

    @Test
    void notesComeBackWithNormalisedTagsNewestFirst() {
        TradeJournalStore s = store();
        Note a = add(
                s,
                P1,
                new TradeJournalStore.OrderNote(new OrderId(3), ACME),
                "Entry on the gap",
                Set.of("#Gap", "plan"),
                0);
        Note b = add(
                s,
                P1,
                new TradeJournalStore.TradeNote(BTC, new FillId(4), new FillId(9)),
                "Took profit too early",
                Set.of("lesson"),
                5);
        Note c = add(s, P1, new TradeJournalStore.Account(), "Weekly review: less size", Set.of(), 10);
        assertThat(a.tags()).containsExactly("gap", "plan");
        assertThat(s.search(Query.all(P1))).extracting(Note::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(s.note(b.id()).orElseThrow().target())
                .isEqualTo(new TradeJournalStore.TradeNote(BTC, new FillId(4), new FillId(9)));
        assertThat(s.note(c.id()).orElseThrow().target().instrument()).isEmpty();
        assertThat(s.tags(P1)).containsExactly("gap", "lesson", "plan");
    }

    @Test
    void searchFiltersByTextTagSymbolAndDate() {
        TradeJournalStore s = store();
        Note gap = add(
                s, P1, new TradeJournalStore.PositionNote(ACME), "Bought the GAP up, 100% sure", Set.of("breakout"), 0);
        Note btc =
                add(s, P1, new TradeJournalStore.PositionNote(BTC), "Funding too high", Set.of("perp", "breakout"), 60);
        add(s, P2, new TradeJournalStore.PositionNote(ACME), "another portfolio's gap note", Set.of("breakout"), 30);
        assertThat(s.search(Query.all(P1).withText("gap"))).extracting(Note::id).containsExactly(gap.id());
        assertThat(s.search(Query.all(P1).withText("100%")))
                .extracting(Note::id)
                .containsExactly(gap.id());
        assertThat(s.search(Query.all(P1).withText("_"))).isEmpty();
        assertThat(s.search(Query.all(P1).withText("PERP")))
                .extracting(Note::id)
                .containsExactly(btc.id());
        assertThat(s.search(Query.all(P1).withTag("#Breakout")))
                .extracting(Note::id)
                .containsExactly(btc.id(), gap.id());
        assertThat(s.search(Query.all(P1).withSymbol("btc-usd")))
                .extracting(Note::id)
                .containsExactly(btc.id());
        assertThat(s.search(Query.all(P1).withSymbol("ACME@sim")))
                .extracting(Note::id)
                .containsExactly(gap.id());
        assertThat(s.search(Query.all(P1).between(T0.plusSeconds(1), T0.plusSeconds(3601))))
                .extracting(Note::id)
                .containsExactly(btc.id());
        assertThat(s.search(Query.all(P1).withTag("breakout").withText("gap").withSymbol("ACME")))
                .extracting(Note::id)
                .containsExactly(gap.id());
        assertThat(s.search(new Query(null, "gap", null, null, null, null))).hasSize(2);
    }

    @Test
    void updateReplacesTextAndTagsAndKeepsTheCreationTime() {
        TradeJournalStore s = store();
        Note n = add(s, P1, new TradeJournalStore.PositionNote(ACME), "first", Set.of("a"), 0);
        Note u = s.update(n.id(), "second thoughts", Set.of("b", "c"), T0.plusSeconds(999));
        assertThat(u.text()).isEqualTo("second thoughts");
        assertThat(u.tags()).containsExactly("b", "c");
        assertThat(u.createdAt()).isEqualTo(n.createdAt());
        assertThat(u.updatedAt()).isEqualTo(T0.plusSeconds(999));
        assertThat(s.search(Query.all(P1).withTag("a"))).isEmpty();
        assertThatThrownBy(() -> s.update(9999, "x", Set.of(), T0)).hasMessageContaining("no journal note 9999");
    }

    @Test
    void imagesAreStoredWithTheirTypeAndDeletedWithTheNote() {
        TradeJournalStore s = store();
        Note n = add(s, P1, new TradeJournalStore.PositionNote(ACME), "chart at entry", Set.of(), 0);
        var info = s.attach(n.id(), "chart.png", "image/png", PNG, T0);
        assertThat(info.size()).isEqualTo(PNG.length);
        assertThat(s.note(n.id()).orElseThrow().attachments()).containsExactly(info);
        assertThat(s.attachment(info.id()).orElseThrow().data()).isEqualTo(PNG);
        assertThat(s.attachment(info.id()).orElseThrow().info().mimeType()).isEqualTo("image/png");
        assertThatThrownBy(() -> s.attach(n.id(), "notes.txt", "text/plain", new byte[] {1}, T0))
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> s.attach(n.id(), "empty.png", "image/png", new byte[0], T0))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> s.attach(424242, "x.png", "image/png", PNG, T0))
                .hasMessageContaining("no journal note");
        assertThat(s.delete(n.id())).isTrue();
        assertThat(s.note(n.id())).isEmpty();
        assertThat(s.attachment(info.id())).isEmpty();
        assertThat(s.delete(n.id())).isFalse();
    }

    @Test
    void badInputIsRefusedWithAReason() {
        TradeJournalStore s = store();
        assertThatThrownBy(() -> add(s, P1, new TradeJournalStore.Account(), "  ", Set.of(), 0))
                .hasMessageContaining("needs some text");
        assertThatThrownBy(() -> add(s, P1, new TradeJournalStore.Account(), "x", Set.of("two words"), 0))
                .hasMessageContaining("tag 'two words'");
        assertThat(TradeJournalStore.parseTags("#Breakout, fomo  earnings;FOMO"))
                .containsExactly("breakout", "earnings", "fomo");
        assertThat(s.search(Query.all(P1))).isEmpty();
        assertThat(List.of(s.tags(P1))).containsExactly(List.of());
    }
}
