package dev.paperdesk.engine.execution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntrabarPathTest {
    @Test
    void thePathVisitsTheNearerExtremeFirst() {
        assertThat(new IntrabarPath(100, 103, 90, 95).points()).containsExactly(100, 103, 90, 95);
        assertThat(new IntrabarPath(100, 110, 98, 105).points()).containsExactly(100, 98, 110, 105);
        assertThat(new IntrabarPath(100, 102, 98, 100).highFirst()).isTrue();
        assertThat(new IntrabarPath(100, 110, 98, 105).length()).isEqualTo(2 + 12 + 5);
    }

    @Test
    void levelsAreReachedAtTheirPriceOrAtTheOpenOnAGap() {
        IntrabarPath p = new IntrabarPath(100, 110, 98, 105); // 100 → 98 → 110 → 105
        assertThat(p.first(99, false)).isEqualTo(new IntrabarPath.Hit(1, 99));
        assertThat(p.first(108, true)).isEqualTo(new IntrabarPath.Hit(2 + 10, 108));
        assertThat(p.first(95, false)).isNull();
        assertThat(p.first(100, true)).isEqualTo(new IntrabarPath.Hit(0, 100));
        assertThat(new IntrabarPath(90, 95, 85, 92).first(99, false)).isEqualTo(new IntrabarPath.Hit(0, 90));
    }

    @Test
    void trailingStopsRatchetAlongThePath() {
        // Sell stop 5 below the highest price: 100 → 98 → 110 → 105 reaches 110, stop 105: hit on the way down.
        IntrabarPath p = new IntrabarPath(100, 110, 98, 105);
        IntrabarPath.Trail t = p.trailing(100, a -> a - 5, true);
        assertThat(t.anchor()).isEqualTo(110);
        assertThat(t.hit()).isEqualTo(new IntrabarPath.Hit(2 + 12 + 5, 105));
        IntrabarPath.Trail none = p.trailing(100, a -> a - 20, true);
        assertThat(none.hit()).isNull();
        assertThat(none.anchor()).isEqualTo(110);
        // Buy stop 3 above the lowest price: 100 → 98 (anchor 98, stop 101) → 110 crosses 101.
        IntrabarPath.Trail buy = p.trailing(100, a -> a + 3, false);
        assertThat(buy.hit().price()).isEqualTo(101);
        assertThat(buy.anchor()).isEqualTo(98);
        assertThat(p.trailing(100, a -> 100, true).hit()).isEqualTo(new IntrabarPath.Hit(0, 100));
        assertThat(p.extremeUntil(3, true)).isEqualTo(100);
        assertThat(p.extremeUntil(3, false)).isEqualTo(98);
        assertThat(p.extremeUntil(100, true)).isEqualTo(110);
    }

    @Test
    void inconsistentBarsAreRefused() {
        assertThatThrownBy(() -> new IntrabarPath(100, 99, 98, 99)).hasMessageContaining("inconsistent");
    }
}
