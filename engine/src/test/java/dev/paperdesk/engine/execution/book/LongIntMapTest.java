package dev.paperdesk.engine.execution.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LongIntMapTest {
    /** The map behaves like a HashMap under any sequence of puts and removes (exercises backward-shift deletion). */
    @Property(tries = 200)
    void behavesLikeAHashMap(
            @ForAll @Size(max = 400) java.util.List<@LongRange(min = 1, max = 300) Long> keys,
            @ForAll @Size(max = 400) java.util.List<@IntRange(min = 0, max = 2) Integer> ops) {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < Math.min(keys.size(), ops.size()); i++) {
            long k = keys.get(i);
            switch (ops.get(i)) {
                case 0, 1 -> {
                    map.put(k, i);
                    expected.put(k, i);
                }
                default -> assertThat(map.remove(k)).isEqualTo(expected.getOrDefault(k, -1));
            }
            if (ops.get(i) == 2) {
                expected.remove(k);
            }
        }
        assertThat(map.size()).isEqualTo(expected.size());
        for (long k = 1; k <= 300; k++) {
            assertThat(map.get(k)).isEqualTo(expected.getOrDefault(k, -1));
        }
        map.clear();
        assertThat(map.size()).isZero();
    }
}
